/**
 * The shared vocabulary of the extractors: dates, dollar amounts, the suffixes that end legal names, and the verbs
 * of waivers, consents and amendments. Every extractor reads these values through here, so two extractors never
 * disagree about whether a phrase is a date or a waiver. Tests: test/extract/lexicon/.
 */
export { DATE_FORMS, DATE_SOURCE, findDate, findDates, fullYear, isMonthWord, isoDate, monthNumber, MONTH_WORD_SOURCE, parseDate, type FoundDate } from './dates.js';
export { findMoney, MONEY_SOURCE, parseMoney, type FoundMoney, type MoneyScale } from './money.js';
export { endsWithEntitySuffix, ENTITY_SUFFIX_SOURCE, ENTITY_SUFFIXES, isEntitySuffix, isLegalFormWord, withoutLegalForm, type EntitySuffix } from './entities.js';
export { AMEND_ACTION_SOURCE, amendAction, CONSENT_ANY, CONSENT_RULES, WAIVE_ACTIVE, WAIVE_ANY, WAIVE_PASSIVE, WAIVE_RULES, type AmendAction, type VerbRule, type WaiveRule } from './verbs.js';
export { BARE_DASH_SOURCE, DASH_ZERO_SOURCE, isStatedZero, ZERO_WORD_SOURCE } from './zeros.js';
