/** Discord-shaped ids: a timestamp since the Discord epoch in the high bits, a counter in the low ones. */
const DISCORD_EPOCH = 1420070400000n;
let counter = 0n;

export function snowflake(at: number = Date.now()): string {
  counter = (counter + 1n) & 0x3fffffn;
  return (((BigInt(Math.floor(at)) - DISCORD_EPOCH) << 22n) | counter).toString();
}
