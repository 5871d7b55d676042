/**
 * The words the defined-terms readers weigh: quotation marks, the words allowed around a quoted term in a defining
 * parenthesis, the capitalised and lower-case words that begin or end a noun phrase, and the head nouns that tell a
 * party from an instrument or a document. Data only; the rules that use them live in noun-phrase.ts, phrase-kind.ts
 * and meaning.ts. Dates, money and legal-name suffixes are the shared lexicon's (extract/lexicon/).
 */

export const QUOTE_OPEN = '"\u201c\u201d\u2033';
export const QUOTE_CLOSE = '"\u201d\u201c\u2033';
export const QUOTED = new RegExp(`[${QUOTE_OPEN}]([^${QUOTE_OPEN}()]{1,100}?)[${QUOTE_CLOSE}]`, 'g');
/** Words allowed around the quoted terms inside a defining parenthesis. */
export const PAREN_WORDS = new Set([
  'the', 'this', 'that', 'a', 'an', 'each', 'collectively', 'together', 'jointly', 'individually', 'severally',
  'hereinafter', 'herein', 'hereafter', 'referred', 'to', 'as', 'called', 'so', 'amended', 'at', 'such', 'time',
  'and', 'or', 'with', 'any', 'all', 'of', 'them', 'being', 'its', 'their', 'respectively', 'also', 'known',
  'sometimes', 'including', 'successors', 'assigns', 'together,', 'in', 'one', 'case', 'and/or',
]);
export const COLLECTIVE_WORDS = /\b(?:collectively|together|jointly)\b/i;

export const ROMAN = /^(?:[IVX]{1,5})$/;
/** Abbreviations and initials that may end in a period inside a name. */
export const ABBREV = /^(?:(?:[A-Z]\.)+|(?:Inc|Co|Corp|Ltd|Jr|Sr|No|St|Mr|Mrs|Ms|Dr|Bros|Cos|Pty|Mt|Ft|Intl|Assn|Natl|Mfg|Svcs|Hldgs)\.)$/;
export const CONNECTORS = new Set(['of', 'for', 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'del', 'y', 'et']);
/** Capitalised words that introduce a name rather than belong to it. */
export const CAP_STOPS = new Set([
  'the', 'an', 'on', 'in', 'by', 'to', 'from', 'with', 'for', 'of', 'as', 'at', 'and', 'or', 'between', 'among',
  'each', 'this', 'that', 'these', 'those', 'whereas', 'reference', 're', 're:', 'dear', 'effective', 'dated',
  'pursuant', 'under', 'upon', 'if', 'when', 'such', 'its', 'their', 'his', 'her', 'any', 'all', 'exhibit', 'item',
  'note:', 'see', 'now', 'therefore', 'witnesseth', 'whose', 'which', 'who', 'is', 'are', 'was', 'were', 'has', 'have',
  'thus', 'because', 'although', 'except', 'including', 'than', 'into', 'via', 'attention:', 'subject', 'between:',
]);
/** Lower-case words a noun phrase never contains (articles, prepositions, verbs of linking, conjunctions). */
export const LOWER_STOPS = new Set([
  'the', 'a', 'an', 'of', 'to', 'by', 'in', 'for', 'with', 'on', 'at', 'from', 'into', 'onto', 'upon', 'under', 'over',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'shall', 'may', 'might', 'would',
  'could', 'should', 'must', 'can', 'and', 'or', 'nor', 'but', 'that', 'which', 'who', 'whom', 'whose', 'its',
  'their', 'his', 'her', 'such', 'certain', 'any', 'all', 'each', 'this', 'these', 'those', 'as', 'than', 'not',
  'if', 'prior', 'after', 'before', 'between', 'among', 'pursuant', 'hereby', 'herein', 'hereto', 'thereto',
  'purchased', 'issued', 'sold', 'acquired', 'entered', 'made', 'filed', 'executed', 'held', 'owned', 'received',
  'bought', 'exchanged', 'granted', 'payable', 'about', 'approximately', 'our', 'your', 'my', 'every', 'no',
  'against', 'through', 'during', 'without', 'within', 'via', 'per', 'other', 'respectively', 'thereof', 'hereof',
]);
export const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'such', 'certain', 'this', 'these', 'those', 'our', 'your', 'any', 'all', 'each']);
export const ROLE_WORDS =
  /^(?:company|issuer|maker|payee|payor|holders?|purchasers?|sellers?|buyers?|borrowers?|lenders?|investors?|guarantors?|trustee|agent|parent|employer|employee|executive|consultant|landlord|tenant|grantor|grantee|licensor|licensee|obligor|obligee|assignor|assignee|parties|party|reporting persons?|funds?|partnership|corporation|bank|stockholders?|shareholders?|subscribers?|optionee|participant|manager|sponsor|adviser|advisor|underwriters?|subsidiary|affiliates?)$/i;
export const INSTRUMENT_HEAD =
  /^(?:notes?|debentures?|bonds?|warrants?|stock|shares?|securities|security|options?|units?|rights|preferred|debt|loans?|certificates of deposit|obligations|interests|debentures|paper|ADSs?|ADRs?)$/i;

/** Head nouns of documents and plans: `Certificate of Determination … of Apple Computer, Inc.` is not a party. */
export const DOCUMENT_HEADS =
  /^(?:certificates?|agreements?|plans?|articles|bylaws|by-laws|statements?|designations?|determination|amendments?|indenture|notices?|letters?|schedules?|exhibits?|policy|program|programme|charter|resolutions?|awards?|award|memorandum|prospectus|supplement|deed|lease|guaranty|guarantee|contract|instrument)$/i;
/** Verbs that take a noun phrase as object: a short phrase after one of them is complete. */
export const OBJECT_VERBS = new Set([
  'issue', 'issues', 'issued', 'issuing', 'sell', 'sells', 'sold', 'purchase', 'purchases', 'purchasing', 'acquire',
  'acquires', 'acquired', 'hold', 'holds', 'receive', 'receives', 'grant', 'grants', 'deliver', 'delivers', 'pay',
  'buy', 'buys', 'own', 'owns', 'exchanged', 'bought', 'granted', 'received', 'held', 'owned', 'delivered', 'entered',
  'execute', 'executed', 'obtain', 'obtained', 'borrow', 'borrowed', 'lend', 'loaned', 'make', 'made', 'offer', 'offers',
  'offered', 'engage', 'engaged', 'establish', 'established', 'adopt', 'adopted', 'file', 'filed',
]);
export const QUANTITY_NOUNS = /^(?:shares|share|units|unit|interests|amount|number|warrants|options)$/i;
/** Capitalised words that open a sentence or clause before a comma and never begin a name. */
export const SENTENCE_ADVERBS =
  /^(?:furthermore|moreover|additionally|accordingly|also|finally|thereafter|subsequently|consequently|however|similarly|specifically|previously|currently|together|instead|meanwhile|then|today|recently|separately|likewise|hence|therefore|thus|nevertheless|further|first|second|third|lastly|namely|notably|collectively|individually)$/i;
