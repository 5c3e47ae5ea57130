// Identifiers and credentials the suites share. The IDs are valid by the contract; the credentials are
// fakes, long enough (>= 16 characters) to be blanked wherever they are echoed.
export const PROJECT_ID = '0123456789abcdef0123456789abcdef';
export const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';
export const GROUP = 'orders-consumer';
export const TOKEN = 'MIIsecret-token-value-0123456789';
export const SECRET_KEY = 'FakeSecretKey0123456789abcdefghijklmnopqr';
export const ACCESS_KEY = 'FAKEAK0123456789ABCD';
