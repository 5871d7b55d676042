// The baseline for `npm run bench`: an EDGAR container grammar written the obvious way, one rule call per
// character (header lines as [^\n]*, bodies as (!"</TEXT>" .)*). It exists only to be measured against
// grammars/submission.pegjs in the same run; it is not used by edgar-extract.
Start = Preamble? Line* Document* Rest
Preamble = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----" (!("\n<") .)* "\n"
Line = !"<DOCUMENT>" chars:$[^\n\r]* Eol { return chars; }
Document = "<DOCUMENT>" Eol meta:(!"<TEXT>" l:Line { return l; })* "<TEXT>" body:$(!"</TEXT>" .)* "</TEXT>" Eol? "</DOCUMENT>" Eol? { return { meta, length: body.length }; }
Rest = .*
Eol = "\r\n" / "\n" / "\r"
