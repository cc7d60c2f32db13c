#!/usr/bin/env bash
# Regenerates first_names_faker.txt from faker-js's and Python Faker's person name lists, less the names that
# are also common (lowercase) words in the Hunspell dictionaries of the six languages; those go
# to first_names_homographs.txt with the languages whose dictionary has them.
# Needs node, npm, python3 with pip, and the npm and PyPI registries. Usage: crates/core/data/first_names_faker.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent @faker-js/faker@10.6.0 >/dev/null
tar xzf faker-js-faker-10.6.0.tgz
for l in en de es fr it pt; do
  npm pack --silent "dictionary-$l" >/dev/null
  mkdir "dict-$l" && tar xzf dictionary-"$l"-*.tgz -C "dict-$l"
done
cat >dump.mjs <<'JS'
import * as F from './package/dist/index.js';
const locales = ['de', 'de_AT', 'de_CH', 'en', 'en_GB', 'en_US', 'en_IE', 'en_AU', 'en_CA',
  'es', 'es_MX', 'fr', 'fr_BE', 'fr_CA', 'fr_CH', 'it', 'pt_BR', 'pt_PT', 'nl', 'nl_BE', 'sv',
  'nb_NO', 'da', 'fi', 'pl', 'cs_CZ', 'ro', 'hu', 'tr', 'el', 'ru', 'uk', 'hr', 'sk'];
for (const l of locales) {
  const f = F['faker' + l.split('_').map((s) => s.toUpperCase()).join('_')];
  const first = f?.definitions?.person?.first_name ?? {};
  for (const list of Object.values(first)) for (const name of list) console.log(name);
}
JS
node dump.mjs >names.txt
# Python Faker (MIT licence, (c) joke2k and contributors) has locales faker-js lacks or lists
# differently (de_CH, de_LI, es_AR, es_CL, es_CO, fr_QC, the Nigerian ones).
python3 -m pip download --quiet --no-deps faker==40.63.0 -d pyfaker >/dev/null
python3 -m zipfile -e pyfaker/faker-40.63.0-py3-none-any.whl pyfaker/x
python3 - >>names.txt <<'PY'
import importlib, sys
sys.path.insert(0, "pyfaker/x")
locales = ["de_AT", "de_CH", "de_DE", "de_LI", "de_LU", "en", "en_GB", "en_IE", "en_US", "en_NZ",
           "en_NG", "es", "es_AR", "es_CA", "es_CL", "es_CO", "es_ES", "es_MX", "fr_BE", "fr_CA",
           "fr_CH", "fr_FR", "fr_QC", "it_IT", "pt_BR", "pt_PT", "nl_BE", "nl_NL", "ig_NG", "yo_NG",
           "ha_NG"]
for l in locales:
    provider = importlib.import_module(f"faker.providers.person.{l}").Provider
    for attr, value in vars(provider).items():
        if attr.startswith("first_name") and (isinstance(value, (tuple, list)) or hasattr(value, "keys")):
            for name in (value.keys() if hasattr(value, "keys") else value):
                if isinstance(name, str):
                    print(name)
PY
python3 - "$here" <<'PY'
import glob, re, sys, unicodedata
here = sys.argv[1]
def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()
# Lowercase word -> the languages whose dictionary has it; German nouns apart, since German
# writes them capitalised like names ("Mark", "Rose").
common, nouns = {}, set()
for dic in sorted(glob.glob("dict-*/package/index.dic")):
    lang = dic.split("/")[0].removeprefix("dict-")
    for i, line in enumerate(open(dic, encoding="utf-8", errors="ignore")):
        word = line.split("/")[0].strip()
        if i and word and word[0].islower():
            common.setdefault(fold(word), set()).add(lang)
        elif i and word and lang == "de" and word[0].isupper():
            nouns.add(fold(word))
own = {l.strip() for l in open(f"{here}/first_names.txt") if l.strip() and not l.startswith("#")}
names, homographs = set(), {}
for line in open("names.txt"):
    n = line.strip()
    if re.fullmatch(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž'\-]+", n) and len(fold(n)) >= 3 and fold(n) not in own:
        langs = common.get(fold(n))
        if langs is None:
            names.add(fold(n))
        elif len(langs := langs | ({"de"} if fold(n) in nouns else set())) < 6:
            homographs[fold(n)] = langs
def write(name, lines):
    header = open(f"{here}/{name}").read().split("\n")
    header = [l for l in header if l.startswith("#")]
    open(f"{here}/{name}", "w").write("\n".join(header + lines) + "\n")
write("first_names_faker.txt", sorted(names))
write("first_names_homographs.txt",
      [f"{n}\t{' '.join(sorted(homographs[n]))}" for n in sorted(homographs)])
print(len(names), "names,", len(homographs), "homographs")
PY
