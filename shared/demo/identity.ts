/** The demo union's code: the app tells a demo book (and a backup of one) from a real union by it. */
export const DEMO_UNION_CODE = '81330400MC0000001X';
