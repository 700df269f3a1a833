import type { IsoDate, IsoMonth } from '../model/records';

/**
 * China has one time zone and no daylight saving: Asia/Shanghai is UTC+8 all year. Every "today"
 * of the books (the app, the command line, documents) comes from here, so a PC set to another zone
 * or a server in UTC still agrees on which day it is for the union.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export function todayIso(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function thisMonth(now: Date = new Date()): IsoMonth {
  return todayIso(now).slice(0, 7);
}

export function thisYear(now: Date = new Date()): number {
  return Number(todayIso(now).slice(0, 4));
}
