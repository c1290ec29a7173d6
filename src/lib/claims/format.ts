/**
 * Kept for claims/money.ts until it imports ../rupiah.ts directly (the one rupiah module).
 */
export * from '../rupiah.ts';
