// The error a promise rejects with, for assertions on its class and fields.

/**
 * Resolves to what `promise` rejects with; fails the test if it resolves instead.
 *
 * @example const error = await rejection(client.resetMessageOffset(params)); expect(error).toBeInstanceOf(ResetOffsetError);
 */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
