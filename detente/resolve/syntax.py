"""Roles read off the dependency parse: subject, agent, object, and what is only a place or a modifier.

The lexicons propose (actor mentions, trigger patterns); the parse confirms or rejects. A trigger
whose head word only modifies a noun ("iran-backed militias") is no event; a subject or passive
agent is the source; a place in a locative phrase is the event's location, never its target; an
actor outside the trigger's sentence takes no role in it.
"""

from __future__ import annotations

from collections import defaultdict

from detente.model import Document, Mention, Trigger
from detente.resolve.roles import (
    BROKERED,
    FORCE_ON_PLACE,
    FRONTED,
    GIFT_TO,
    HELD,
    JUDGED_DOER,
    JUDGING_ROOTS,
    MEDIATION,
    REDUCED,
    TAKEN_FROM,
    VERBAL_ROOTS,
    VIOLENT_ROOTS,
    Roles,
    aimed_elsewhere,
    as_country,
    borrowed_instrument,
    coordinated,
    done_to_others,
    judged_each_other,
    party_of,
)

_SUBJECT = frozenset(["nsubj", "nsubj:pass", "csubj", "nsubj:outer"])
_OBJECT = frozenset(["obj", "iobj", "obl", "nmod", "obl:arg", "ccomp", "xcomp"])
_MODIFIER = frozenset(["amod", "compound", "nmod:poss"])
# Dependents a subject inherits through: "agreed to sign" (xcomp), "met and signed" (conj).
_INHERIT = frozenset(["xcomp", "conj", "advcl"])
_PLACE_KINDS = frozenset(["country", "capital", "place"])
# support (05) and protest (14) taken up with an act are aimed at its doer, as a reaction (10-13) is
_ON_ACTS = frozenset(["05", "14"])
RECEIVED = "parse: aid the subject received, from whoever the participle names"
_PLACE_HOPS = 3  # from a place up to the predicate: "airstrikes on | aleppo", "villages near | aleppo"
_NOUN_LINKS = frozenset(["compound", "amod", "flat", "nmod:poss", "appos", "nmod", "conj", "det", "case"])


_AUXILIARIES = frozenset(["has", "have", "had"])


class SyntaxView:
    """The parse of one document, indexed for role questions. All positions are token indices."""

    def __init__(self, doc: Document, res) -> None:  # noqa: ANN001 - Resources (avoid cycle)
        self.doc = doc
        self.tokens = doc.tokens
        self.words = doc.words
        self.parsed = any(t.dep for t in doc.tokens)
        self.children: dict[int, list[int]] = defaultdict(list)
        for i, t in enumerate(doc.tokens):
            if t.head != i and t.head >= 0:
                self.children[t.head].append(i)
        self.locative_preps = res.cues.get("locative", frozenset())
        self.qualifiers = res.cues.get("qualifier", frozenset())
        self.receiving = res.cues.get("receiving_verb", frozenset())
        self.helping = res.cues.get("helping_verb", frozenset())
        self.owners = res.cues.get("owner_qualifier", frozenset())
        self.relations = res.cues.get("relation_noun", frozenset())
        self.event_heads = res.cues.get("event_head_noun", frozenset())
        self.topics = res.cues.get("topic_preposition", frozenset())
        self.harm = res.cues.get("harm_participle", frozenset()) | res.cues.get("death_verb", frozenset())
        self.impersonal = res.cues.get("impersonal_cause", frozenset())
        self.holding = res.cues.get("holding_participle", frozenset())
        self.directions = res.cues.get("compass_direction", frozenset())
        self.numbers = frozenset(res.quantity_words.get("number", {}))
        self.state_sectors = res.cues.get("state_sector", frozenset())
        self.reciprocal_pronouns = res.cues.get("reciprocal_pronoun", frozenset())
        # where a bare state or organisation name ends: "iran | backed", "saudi | led"
        self.mention_end = {m.end for m in doc.mentions if m.actor.key and m.kind not in ("person", "agent")}
        self.name_start = {m.start for m in doc.mentions if m.actor.key and m.kind != "agent"}
        self.mention_ending = {m.end: m for m in doc.mentions if m.actor.key and m.kind != "place"}
        self.mention_at: dict[int, Mention] = {}
        for m in doc.mentions:
            if m.actor.key:
                for k in range(m.start, m.end):
                    self.mention_at.setdefault(k, m)

    def dep(self, i: int) -> str:
        return self.tokens[i].dep

    def head(self, i: int) -> int:
        return self.tokens[i].head

    def predicate(self, trig: Trigger) -> int:
        """The trigger's syntactic head: its token whose head lies outside the trigger."""
        for i in range(trig.start, trig.end):
            outside = not trig.start <= self.head(i) < trig.end or self.head(i) == i
            if outside and self.tokens[i].tag[:1] in ("V", "N", "J"):
                return i
        return trig.start

    def is_modifier(self, p: int) -> bool:
        """ "iran-backed militias", "the us-led coalition": a qualifying participle after a bare state
        or organisation name, with a noun after it, only qualifies that noun. The parse alone does not
        decide: on scraped text it takes too many past tenses for participles."""
        if (self.words[p] not in self.qualifiers and self.words[p] not in self.owners) or p + 1 >= len(self.tokens):
            return False
        nxt = self.tokens[p + 1]
        # a common noun after it ("militias", "coalition"); "beijing backed | moscow s demand" is a verb
        noun_after = nxt.tag in ("NN", "NNS", "JJ") and (p + 1) not in self.name_start
        # or a named group whose noun the parse hangs it on ("iranian-backed | houthi rebels")
        head = self.head(p)
        group_after = self.dep(p) == "amod" and p < head <= p + 3 and self.tokens[head].tag in ("NN", "NNS")
        return (noun_after or group_after) and (p in self.mention_end or self.dep(p) in _MODIFIER)

    def is_noun_modifier(self, p: int) -> bool:
        """ "support networks", "the bombing suspect", "a jail term": an event noun that only modifies
        another noun names no act of its own ("a mediation effort" still does: cues event_head_noun)."""
        return self._noun_under_noun(p, "compound") or self.is_topic_noun(p)

    def is_topic_noun(self, p: int) -> bool:
        """ "remained silent about the protests", "disappointed over the rejection": an event noun a
        topic preposition introduces (cues topic_preposition) is what someone speaks or feels about;
        the act, if any, is reported elsewhere (none of the dev articles' events read this way)."""
        return self.tokens[p].tag.startswith("NN") and self._case(p) in self.topics

    def is_topic_gerund(self, p: int) -> bool:
        """ "talked about | expelling the diplomats", "is serious about | attacking", "argued over |
        extending the truce": a gerund a topic preposition introduces is what someone speaks or
        feels about, as a noun after one is (``is_topic_noun``)."""
        if self.tokens[p].tag != "VBG":
            return False
        return any(self.dep(c) == "mark" and self.words[c] in self.topics for c in self.children[p])

    def is_noun_participle(self, p: int) -> bool:
        """ "one of the soldiers | killed in an attack", "bodies of people | killed during a rally": a
        participle hanging on a noun describes it; the act itself is reported elsewhere, if at all."""
        head = self.head(p)
        return (
            self.dep(p) == "acl"
            and self.tokens[p].tag.startswith("VB")
            and head != p
            and self.tokens[head].tag.startswith("NN")
        )

    def described_patients(self, p: int, sources: list[Mention]) -> bool:
        """ "one of six citgo executives | arrested | in 2017": whether ``sources`` are the noun a
        past participle with no "by" agent describes, so whom the act befell, not who did it."""
        if not sources or not self.is_noun_participle(p) or self.tokens[p].tag != "VBN" or self.agents(p):
            return False
        if p + 1 < len(self.tokens) and self.words[p + 1] == "by":
            return False  # "captured | by al shabaab militants" misparsed: the surface names the agent
        noun = self.head(p)
        # the noun's own mention, or one qualifying it ("a cuban | american | tourist")
        return all(m.start <= noun < m.end or self.head(self._mention_head(m)) == noun for m in sources)

    def has_object(self, p: int) -> bool:
        return any(self.dep(c) == "obj" for c in self.children[p])

    def is_nested_noun(self, p: int) -> bool:
        """ "the victims of the attack", "a series of bombings": an event noun inside another noun's
        phrase, which the clause is about instead."""
        return self._noun_under_noun(p, "nmod")

    def _noun_under_noun(self, p: int, dep: str) -> bool:
        head = self.head(p)
        return (
            self.dep(p) == dep
            and self.tokens[p].tag.startswith("NN")
            and head != p
            and self.tokens[head].tag.startswith("NN")
            and self.words[head] not in self.event_heads
        )

    def in_modifier(self, m: Mention) -> bool:
        """Whether the mention only qualifies a noun: "us" in "us-backed fighters". A group named by
        a plural noun qualifies none: "polish troops | trained ukrainian soldiers", read as one phrase
        by the parse, has the troops act."""
        end = m.end
        if end - m.start >= 2 and self.tokens[end - 1].tag in ("NNS", "NNPS"):
            return False
        return end < len(self.tokens) and self.words[end] in self.qualifiers and self.is_modifier(end)

    def _case(self, h: int) -> str:
        return next((self.words[c] for c in self.children[h] if self.dep(c) == "case"), "")

    def is_locative(self, m: Mention, trig: Trigger) -> bool:
        """A place where the act happened: "met in madrid", "drills in the sea of japan". A place that
        qualifies the object ("condemned the coup in niger") is not a locative of the act, and an
        institution is no place ("rallied outside the japanese embassy")."""
        if m.kind not in _PLACE_KINDS:
            return False
        h = self._mention_head(m)
        while self.dep(h) == "nmod" and self._case(h) == "of" and self.head(h) != h:
            h = self.head(h)
        if self._case(h) not in self.locative_preps:
            return False
        if self.dep(h) == "obl":
            return True
        return self.dep(h) == "nmod" and trig.start <= self.head(h) < trig.end

    def in_purpose_clause(self, m: Mention, p: int, trig: Trigger) -> bool:
        """Whether the mention sits in a purpose clause of predicate ``p``: "met ... | to underscore
        their cooperation against north korea" names no one they met. Only a clause hanging from
        the predicate itself counts, not one inside the trigger ("pledged to send") or below a
        noun ("a chemical used to make chips for south korea"), nor a name the parse took for a
        verb ("sent teams to | nepal")."""
        k, hops = self._mention_head(m), 0
        while self.head(k) != p and self.head(k) != k and hops < 12:
            k, hops = self.head(k), hops + 1
        if self.head(k) != p or self.dep(k) != "advcl" or trig.start <= k < trig.end or k in self.mention_at:
            return False
        # "agreed | to impose sanctions on russia": a "to" the pattern holds opens its complement
        return any(self.words[c] == "to" and not trig.start <= c < trig.end for c in self.children[k])

    def helped(self, m: Mention, trig: Trigger) -> bool:
        """ "sent medical teams to help | ecuador | fight the outbreak": aid whose purpose is to help
        someone (cues helping_verb) goes to whom the helping verb takes; read on the surface, as the
        parse often hangs the name on the next verb ("help | pakistan cope")."""
        k = m.start - 1 - (m.start >= 2 and self.words[m.start - 1] == "the")
        return trig.cameo[:2] == "07" and k >= 0 and self.words[k] in self.helping

    def is_other_agent(self, m: Mention, trig: Trigger, p: int) -> bool:
        """The agent of another participle than the trigger's: "a deal | brokered by china", "a plan
        drawn up by egypt". A third party's act, not the trigger's target."""
        h = self._mention_head(m)
        while self.dep(h) == "conj" and self.head(h) != h:
            h = self.head(h)  # "brokered by the united states and | france"
        k = self.head(h)
        if k in (h, p) or self.dep(h) not in ("obl:agent", "obl") or self._case(h) != "by":
            return False
        if trig.cameo[:2] in VIOLENT_ROOTS and self.words[k] in self.holding:
            return False  # "shelled positions | controlled by the ypg": force on a place hits who holds it
        return self.dep(k) in ("acl", "acl:relcl", "conj") and not trig.start <= k < trig.end

    def relation_owner(self, m: Mention) -> bool:
        """ "kyiv s | allies pledged": the possessor of allies, partners or neighbours is not them."""
        h = self._mention_head(m)
        return self.dep(h) == "nmod:poss" and self.words[self.head(h)] in self.relations

    def _mention_head(self, m: Mention) -> int:
        for k in range(m.start, m.end):
            if not m.start <= self.head(k) < m.end or self.head(k) == k:
                return k
        return m.start

    def _phrase_mention(self, h: int) -> Mention | None:
        """The actor a noun phrase headed by ``h`` names: the head's own mention, else the first one in
        its modifiers ("russian | troops", "the president of | russia")."""
        if h in self.mention_at:
            return self.mention_at[h]
        stack = [c for c in self.children[h] if self.dep(c) in _NOUN_LINKS and self.dep(c) != "conj"]
        seen: list[int] = []
        while stack:
            c = stack.pop(0)
            seen.append(c)
            if c in self.mention_at:
                return self.mention_at[c]
            stack.extend(
                k
                for k in self.children[c]
                if self.dep(k) in _NOUN_LINKS and self.dep(k) != "conj" and not self.tokens[k].tag.startswith("VB")
            )
        return None

    def _with_conjuncts(self, h: int) -> list[int]:
        out = [h]
        for c in self.children[h]:
            if self.dep(c) == "conj":
                out.extend(self._with_conjuncts(c))
        return out

    def subjects(self, p: int) -> list[Mention]:
        """The subject actors of predicate ``p`` (inherited through xcomp and conj), or a passive's agent."""
        node, hops = p, 0
        while hops < 4:
            subj = [c for c in self.children[node] if self.dep(c) in _SUBJECT]
            if subj:
                found = [self._phrase_mention(k) for h in subj for k in self._with_conjuncts(h)]
                return _unique([m for m in found if m is not None])
            if self.head(node) == node:
                return self._split_subject(node)
            if self.dep(node) not in _INHERIT:
                return []
            node, hops = self.head(node), hops + 1
        return []

    def _split_subject(self, root: int) -> list[Mention]:
        """ "president ferdinand marcos jr | told reporters": the parse made the name before a finite
        root verb a root of its own; that name is the verb's subject."""
        if root == 0 or self.tokens[root].tag not in ("VBD", "VBZ", "VBP"):
            return []
        m = self.mention_at.get(root - 1)
        if m is None or m.end != root:
            return []
        k = root - 1
        while self.head(k) != k and m.start <= self.head(k) < m.end:
            k = self.head(k)
        return [m] if self.head(k) == k and self.dep(k) == "ROOT" else []

    def agents(self, p: int) -> list[Mention]:
        """ "was condemned by the un": the obl phrase of a passive predicate introduced by "by"."""
        found = []
        for c in self.children[p]:
            if self.dep(c) in ("obl", "obl:agent") and any(
                self.dep(k) == "case" and self.words[k] == "by" for k in self.children[c]
            ):
                found.extend(self._phrase_mention(k) for k in self._with_conjuncts(c))
        return _unique([m for m in found if m is not None])

    def is_passive(self, p: int) -> bool:
        return any(self.dep(c) in ("nsubj:pass", "aux:pass") for c in self.children[p])

    def objects(self, p: int, trig: Trigger, direct_only: bool = False, places: bool = False) -> list[Mention]:
        """The actors the predicate's objects and non-locative obliques name, in text order."""
        found = []
        # a verb has one direct object: a second is a misparse ("downgraded ties with iran over drone
        # | deliveries to russia"), the reason the act was done for
        objs = [c for c in sorted(self.children[p]) if self.dep(c) == "obj"][1:]
        for c in sorted(self.children[p]):
            if self.dep(c) not in _OBJECT or (direct_only and c in objs):
                continue
            if self.dep(c) in ("ccomp", "xcomp") or (direct_only and self.dep(c) not in ("obj", "iobj")):
                continue
            for k in self._with_conjuncts(c):
                m = self._phrase_mention(k)
                if m is not None and (places or not self.is_locative(m, trig)):
                    found.append(m)
        return _unique(found)


def correct_roles(syn: SyntaxView, roles: Roles, trig: Trigger, p: int) -> Roles:
    """Let the parse correct the surface binder where it is reliable: a qualifier ("us-backed") is
    no source, the subject or passive agent fills a missing source, co-subjects with an object of
    their own act on it, a direct object comes first among targets, and a place where a material
    act happened is never its target."""
    _drop_qualified_sources(syn, roles)
    if not roles.sources and trig.roles == "forward" and REDUCED not in roles.rule and HELD not in roles.rule:
        _sources_from_parse(syn, roles, trig, p)
    _passive_victims(syn, roles, trig, p)
    _received_aid(syn, roles, trig, p)
    _counted_victims(syn, roles, trig)
    _harmed_in_act(syn, roles, trig, p)
    _impersonal_cause(syn, roles, trig, p)
    keys = {m.actor.key for m in roles.sources}
    verbal = trig.cameo[:2] in VERBAL_ROOTS
    verb = syn.tokens[p].tag.startswith("VB")
    # "after speaking by phone, obama and merkel condemned | russia": the adjunct's objects end
    # where the clause whose subject it borrowed begins, however the parse hangs the rest
    limit = min(m.start for m in roles.sources) if roles.rule == FRONTED and roles.sources else len(syn.tokens)
    if trig.roles == "forward" and roles.joint and verb:
        parties = keys | {t.actor.key for t in roles.targets}
        own = [
            m
            for m in syn.objects(p, trig, direct_only=not verbal, places=verbal)
            if m.actor.key not in parties and m.end <= limit
        ]
        if own:  # "france and germany condemned the coup in niger": not on each other
            roles.sources, roles.targets, roles.joint = roles.sources + roles.targets, own, False
            roles.target_rule = "parse: co-subjects act on their own object"
            keys = {m.actor.key for m in roles.sources}
    # "captured the town | from islamic state": the place taken is no target beside whom it was taken from
    own_rule = roles.target_rule in (TAKEN_FROM, JUDGED_DOER, GIFT_TO)
    if trig.roles == "forward" and not roles.joint and verb and not own_rule:
        direct = _direct_objects(syn, roles, trig, p, limit)
        if direct and (not roles.targets or roles.targets[0] is not direct[0]):
            roles.target_rule = "parse: direct object"
        roles.targets = direct + [m for m in roles.targets if all(m is not o for o in direct)]
    if roles.rule == "passive agent" and syn.dep(p) == "acl":
        _reduced_relative_patient(syn, roles, trig, p)
    if not verbal and not roles.joint:
        # "scrambled jets | to intercept u s bombers": force is aimed at whom its purpose names
        aimed = trig.cameo[:2] >= "14"
        roles.targets = [
            m
            for m in roles.targets
            if (aimed or not syn.in_purpose_clause(m, p, trig) or syn.helped(m, trig))
            and not syn.is_other_agent(m, trig, p)
        ]
    _trim_targets(syn, roles, trig, verbal)
    _owner_by_agent(syn, roles, trig, p)
    if len(keys) >= 2 and not roles.targets and trig.roles != "reverse":
        _each_other(syn, roles, trig, p)
    return roles


def _direct_objects(syn: SyntaxView, roles: Roles, trig: Trigger, p: int, limit: int) -> list[Mention]:
    """The parse's direct objects that are another party than the sources (and no weapon inside
    the trigger whose country was only borrowed: "launched | drones | at a us base")."""
    parties = {party_of(m, syn.state_sectors) for m in roles.sources}
    keys = {m.actor.key for m in roles.sources}
    return [
        m
        for m in syn.objects(p, trig, direct_only=True)
        if party_of(m, syn.state_sectors) not in parties
        and not (m.inferred and m.actor.key in keys)
        and not borrowed_instrument(syn.words, m, trig)
        and m.end <= limit
        and not _later_clause(syn, trig, m)
    ]


def _later_clause(syn: SyntaxView, trig: Trigger, m: Mention) -> bool:
    """ "arrested protesters in tbilisi and | the european union condemned": a mention past a clause
    start after the trigger is the next clause's, however the parse joins it to the object."""
    return any(trig.end < seg.start <= m.start for seg in syn.doc.segments)


def _each_other(syn: SyntaxView, roles: Roles, trig: Trigger, p: int) -> None:
    """Co-subjects of several parties with no one else acted on act on each other, unless they
    struck a place together or each judged a passive's subject."""
    if _on_place(syn, roles, trig, p) or aimed_elsewhere(syn.words, trig, len(syn.words)):
        return
    if done_to_others(syn.words, trig, syn.reciprocal_pronouns):
        return  # "mercenaries and soldiers | killed | hundreds of people": together, to others
    mutual = judged_each_other(syn.words, trig, syn.reciprocal_pronouns)
    listed = trig.cameo[:2] in JUDGING_ROOTS and coordinated(syn.words, roles.sources) and not mutual
    judged = listed or roles.rule == "passive agent" and _judgement(trig)
    if judged and trig.roles != "joint":
        # "the test was condemned by japan and south korea", "germany and britain condemned the
        # attack": each judged it, not the other
        return
    if trig.cameo[:3] == MEDIATION:
        return  # "talks mediated by qatar and egypt": between the parties, not between the two
    roles.targets, roles.sources, roles.joint = roles.sources[1:], roles.sources[:1], True
    roles.target_rule = "parse: co-subjects act on each other"


def _judgement(trig: Trigger) -> bool:
    """A verb of judgement or comment (roots 01, 02, 10-13, praise 051): what several passive agents
    said of the subject ("was welcomed by china and russia"), unlike a deed they did together
    ("was signed by iran and russia")."""
    return trig.cameo[:2] in VERBAL_ROOTS or trig.cameo[:3] == "051"


def _on_place(syn: SyntaxView, roles: Roles, trig: Trigger, p: int) -> bool:
    """ "russia and syria bombed | aleppo": co-subjects using force other than fighting (190, which
    two sides wage on each other) on a place the predicate governs struck there together, on the
    place's state. Whether such a place was found (and made the target)."""
    if trig.roles == "joint" or trig.cameo[:2] not in VIOLENT_ROOTS or trig.cameo[:3] == "190":
        return False
    for k in sorted(syn.mention_at):
        m = syn.mention_at[k]
        if k < trig.end or m.kind not in _PLACE_KINDS or not m.actor.country:
            continue
        h, hops = k, 0
        while h != p and syn.head(h) != h and hops < _PLACE_HOPS:
            h, hops = syn.head(h), hops + 1
        if h == p:
            roles.targets, roles.target_rule = [as_country(m)], FORCE_ON_PLACE
            return True
    return False


def _owner_by_agent(syn: SyntaxView, roles: Roles, trig: Trigger, p: int) -> None:
    """ "intercepted a drone | launched by hezbollah", "struck a convoy | sent by iran": force on a
    thing no actor is named for is aimed at whoever the participle describing it names after "by";
    so is support for or protest against an act ("backed the steps | taken by baku")."""
    if roles.targets or trig.roles != "forward" or (trig.cameo[:2] < "15" and trig.cameo[:2] not in _ON_ACTS):
        return
    parties = {party_of(m, syn.state_sectors) for m in roles.sources}
    for c in syn.children[p]:
        if syn.dep(c) != "obj":
            continue
        agents = [m for a in syn.children[c] if syn.dep(a) == "acl" for m in syn.agents(a)]
        agents = [m for m in agents if party_of(m, syn.state_sectors) not in parties]
        if agents:
            roles.targets = agents[:1]
            roles.target_rule = "parse: whoever the participle describing the object names after 'by'"
            return


# what is said or sent to someone, received from them: statements, appeals, intents, praise, demands,
# disapproval, rejections, threats
_SENT_ROOTS = VERBAL_ROOTS | {"03", "05"}


def _given_to(syn: SyntaxView, roles: Roles, verb: int) -> None:
    """ "china gave | kenya | a loan": the verb's indirect object, taken by the surface for the aid
    noun's subject, is whom the aid went to; the verb's subject gave it."""
    recipients = {id(syn._phrase_mention(c)) for c in syn.children[verb] if syn.dep(c) == "iobj"}
    hit = [m for m in roles.sources if id(m) in recipients]
    givers = syn.subjects(verb)
    if hit and givers and all(g is not h for g in givers for h in hit):
        roles.sources, roles.targets, roles.joint = givers[:4], hit[:1], False
        roles.rule = "parse: the subject gave the aid to the indirect object"


def _received_aid(syn: SyntaxView, roles: Roles, trig: Trigger, p: int) -> None:
    """ "kenya accepted | a loan | offered by china", "yemen received | food aid | from the un": aid
    named as the object of a receiving verb (cues receiving_verb) went to the verb's subject, from
    whoever the participle's "by" or "from" names; with no giver named the rule says so (no event).
    So do words sent ("peru received | a formal protest | from ecuador"), where a sender is named."""
    aid, words_sent = trig.cameo[:2] == "07", trig.cameo[:2] in _SENT_ROOTS
    if trig.roles != "forward" or not (aid or words_sent) or not syn.tokens[p].tag.startswith("NN"):
        return
    verb = syn.head(p)
    if syn.dep(p) != "obj" or verb == p:
        return
    if syn.words[verb] not in syn.receiving:
        if aid:
            _given_to(syn, roles, verb)
        return
    receivers = {id(m) for m in syn.subjects(verb)}
    hit = [m for m in roles.sources if id(m) in receivers]
    if not hit:
        return
    givers = [m for c in syn.children[p] if syn.dep(c) == "acl" for m in syn.agents(c)]
    givers += [m for c in syn.children[p] if syn.dep(c) == "nmod" and syn._case(c) == "from"
               for m in [syn._phrase_mention(c)] if m is not None]
    if not givers and not aid:
        return  # "peru received a protest": the sender unnamed, the surface reading stands
    roles.sources, roles.targets, roles.joint = givers[:4], hit[:1], False
    roles.rule = RECEIVED


def _receiver(syn: SyntaxView, noun: int) -> Mention | None:
    """ "mexico received | vaccines | donated by the us": aid a participle describes went to the
    subject of the verb the aid is the object of."""
    if syn.dep(noun) != "obj" or syn.head(noun) == noun:
        return None
    return next(iter(syn.subjects(syn.head(noun))), None)


def _reduced_relative_patient(syn: SyntaxView, roles: Roles, trig: Trigger, p: int) -> None:
    """ "the crew of a vessel | hijacked by somali pirates": a participle hanging on a noun acts on
    that noun, not on the clause's subject before it."""
    patient = syn._phrase_mention(syn.head(p))
    if patient is None and trig.cameo[:2] == "07":
        patient = _receiver(syn, syn.head(p))
    if patient is None and roles.target_rule == BROKERED:
        return  # "held talks | hosted by turkey": the talks' parties, not nobody
    if patient is None or all(patient is not m for m in roles.targets):
        roles.targets = [patient] if patient is not None else []
        roles.target_rule = "parse: the noun the participle describes"


def _trim_targets(syn: SyntaxView, roles: Roles, trig: Trigger, verbal: bool) -> None:
    """A place where a material act happened is never its target, nor the state of a qualifier
    ("to overthrow somalia's | western-backed government"); four targets at most."""
    placed = [m for m in roles.targets if not verbal and syn.is_locative(m, trig)]
    if placed:
        roles.targets = [m for m in roles.targets if m not in placed]
        roles.target_rule += f" (parse: {', '.join(m.actor.text for m in placed)} only where it happened)"
    roles.targets = ([m for m in roles.targets if not syn.in_modifier(m)] or roles.targets)[:4]


def _passive_victims(syn: SyntaxView, roles: Roles, trig: Trigger, p: int) -> None:
    """ "seven japanese were confirmed | killed in algeria", "two aid workers were reported | kidnapped":
    a bare participle completing a passive verb of report says what befell the passive's subject,
    who is its target, never its source; the agent, if any, follows "by"."""
    head = syn.head(p)
    if trig.roles != "forward" or roles.inferred or syn.tokens[p].tag != "VBN" or syn.dep(p) != "xcomp":
        return
    if head == p or not syn.is_passive(head):
        return
    if any(syn.dep(c).startswith("aux") or syn.dep(c) == "obj" for c in syn.children[p]):
        return  # "was said | to have attacked the convoy": an active infinitive, the subject acts
    victims = {id(m) for m in syn.subjects(head)}
    hit = [m for m in roles.sources if id(m) in victims]
    if not hit:
        return
    roles.sources = [m for m in roles.sources if id(m) not in victims] or syn.agents(p) or syn.agents(head)
    roles.targets = hit + [m for m in roles.targets if all(m is not v for v in hit)]
    roles.rule = "parse: the subject of a passive the participle completes is its target"


def _counted_victims(syn: SyntaxView, roles: Roles, trig: Trigger) -> None:
    """ "7 japanese confirmed | killed in algeria": a headline's count of people, then a bare harm
    participle with no object (no "were": the parse sees no passive) says what befell them; they
    are its target, never its source."""
    if trig.roles != "forward" or roles.inferred or not roles.sources or syn.words[trig.start] not in syn.harm:
        return
    m, words = roles.sources[0], syn.words
    count = words[m.start - 1] if m.start > 0 else ""
    if not (count.isdigit() or count in syn.numbers):
        return
    between = words[m.end : trig.start]
    if len(between) > 1 or any(not w.endswith("ed") for w in between):
        return
    after = words[trig.end] if trig.end < len(words) else ""
    if after and after not in syn.locative_preps and not syn.tokens[trig.end].break_before:
        return  # "two israeli soldiers killed | a palestinian": the count acted
    roles.sources = roles.sources[1:]
    roles.targets = [m] + [t for t in roles.targets if t is not m]
    roles.rule = "a count of people, then what befell them: its target"


def _harmed_in_act(syn: SyntaxView, roles: Roles, trig: Trigger, p: int) -> None:
    """ "a u s marine | wounded in an ied attack", "officers were killed in an attack on ...": whom a
    harm participle (cues harm_participle) befell in an act is its target; the attacker is
    named inside the act's own phrase ("a russian airstrike"), if at all."""
    head = syn.head(p)
    # a noun ("in an attack") or a gerund the parse hangs as a clause ("wounded in | shelling by")
    tag, dep = syn.tokens[p].tag, syn.dep(p)
    act = (tag.startswith("NN") and dep == "obl") or (tag == "VBG" and dep == "advcl")
    if trig.roles != "forward" or not act or head == p or syn.words[head] not in syn.harm:
        return
    if syn._case(p) != "in" and not any(syn.dep(c) == "mark" and syn.words[c] == "in" for c in syn.children[p]):
        return
    if trig.start <= head < trig.end:
        return
    victims = syn.subjects(head) if syn.dep(head) not in ("acl", "amod") else [syn._phrase_mention(syn.head(head))]
    # scraped text: "a u s marine | wounded" misparsed with the noun a compound of the participle
    victims += [syn.mention_at[c] for c in syn.children[head] if syn.dep(c) == "compound" and c in syn.mention_at]
    hit = [m for m in roles.sources if any(m is v for v in victims)]
    if not hit:
        return
    # the doer inside the act's phrase: "a taliban attack", "an attack | by boko haram"
    by = [c for c in syn.children[p] if syn.dep(c) in ("nmod", "obl") and syn._case(c) == "by"]
    doers = [syn.mention_at[c] for c in syn.children[p] if syn.dep(c) in _MODIFIER and c in syn.mention_at]
    doers += [m for m in (syn._phrase_mention(c) for c in by) if m is not None]
    roles.sources = [m for m in roles.sources + doers if all(m is not v for v in hit)][:1]
    roles.targets = hit + [m for m in roles.targets if all(m is not v for v in hit + roles.sources)]
    roles.rule, roles.inferred = "parse: whom the act befell is its target", False


def _impersonal_cause(syn: SyntaxView, roles: Roles, trig: Trigger, p: int) -> None:
    """ "syria's civil war | has killed 250,000 people", "the conflict in yemen | has killed thousands": a
    violent verb whose subject is a war, an epidemic or a disaster (cues impersonal_cause) reports a
    toll: no one named in the clause did it, neither a state in the subject's phrase nor one the
    surface binder took for the agent ("the conflict in south sudan has killed tens of thousands")."""
    if trig.cameo[:2] not in VIOLENT_ROOTS or not syn.tokens[p].tag.startswith("VB"):
        return
    # ("fighting broke out between | x and y": a war noun inside the trigger is the act itself)
    outside = [c for c in syn.children[p] if not trig.start <= c < trig.end]
    if roles.sources and any(syn.dep(c) == "nsubj" and _impersonal(syn, c) for c in outside):
        roles.sources, roles.rule = [], "parse: a war or disaster the subject, no one acted"
    elif roles.sources and _place_of_cause(syn, roles.sources[0], trig):
        roles.sources, roles.rule = [], "a war or disaster in a place the subject, no one acted"


def _place_of_cause(syn: SyntaxView, m: Mention, trig: Trigger) -> bool:
    """ "fighting in eastern | ukraine | has killed": the place of a war or disaster, named right
    before the verb (an auxiliary between at most), whatever the parse made of it (it may read
    "eastern" a name and "ukraine" the subject)."""
    if not 0 <= trig.start - m.end <= 1 or any(w not in _AUXILIARIES for w in syn.words[m.end : trig.start]):
        return False
    k = m.start - 1
    if k > 0 and syn.words[k] in syn.directions:
        k -= 1
    return k > 0 and syn.words[k] in syn.locative_preps and syn.words[k - 1] in syn.impersonal


def _impersonal(syn: SyntaxView, h: int) -> bool:
    """Whether the noun ``h`` (with a compound before it: "civil | war") is a cause no one wields."""
    words = {syn.words[h]}
    words |= {f"{syn.words[c]} {syn.words[h]}" for c in syn.children[h] if syn.dep(c) in ("compound", "amod")}
    return bool(words & syn.impersonal) and h not in syn.mention_at


def _drop_qualified_sources(syn: SyntaxView, roles: Roles) -> None:
    """ "iran-backed militias attacked": iran only qualifies; the militias after it act."""
    if roles.inferred:
        return
    qualified = [m for m in roles.sources if syn.in_modifier(m)]
    if not qualified:
        return
    roles.sources = [m for m in roles.sources if m not in qualified]
    roles.rule += f" (parse: {', '.join(m.actor.text for m in qualified)} only qualifies a noun)"
    if not roles.sources:
        after = qualified[0].end + 1
        roles.sources = [m for m in syn.doc.mentions if m.start == after and m.actor.key][:1]


def _sources_from_parse(syn: SyntaxView, roles: Roles, trig: Trigger, p: int) -> None:
    """No source on the surface: the subject, or for a passive its agent ("were killed by
    pakistani troops") with the subject as target."""
    subjects = [m for m in syn.subjects(p) if not syn.in_modifier(m) and not _object_as_subject(syn, trig, p, m)]
    subjects = [m for m in subjects if not syn.relation_owner(m)]
    if syn.is_passive(p):
        agents = syn.agents(p)
        keys = {m.actor.key for m in agents}
        roles.targets = [m for m in subjects if m.actor.key not in keys] or roles.targets
        subjects = agents
    if len(subjects) == 1:
        subjects = _coordinated_before(syn, subjects[0])
    roles.sources, roles.inferred = subjects[:4], False
    roles.rule = "parse: passive agent" if syn.is_passive(p) else "parse: subject"


def _object_as_subject(syn: SyntaxView, trig: Trigger, p: int, m: Mention) -> bool:
    """ "wong | criticized china": an unknown name before an active verb, parsed as an adverb, leaves
    the object the parse's subject; a subject after the verb is inverted only after a quote or
    comma ('"it is wrong," | criticized china')."""
    k = trig.start - 1
    if m.start < trig.end or k < 0 or syn.is_passive(p) or syn.tokens[trig.start].comma_before:
        return False
    return syn.dep(k) in ("advmod", "compound", "dep") and syn.tokens[k].tag in ("RB", "NNP", "NN")


def _coordinated_before(syn: SyntaxView, m: Mention) -> list[Mention]:
    """ "u s president barack obama and | german chancellor angela merkel": the actors joined to a
    subject by "and" before it, which a parse of scraped text may hang elsewhere."""
    group = [m]
    while group[0].start >= 2 and syn.words[group[0].start - 1] == "and":
        prev = syn.mention_ending.get(group[0].start - 1)
        if prev is None or any(prev.actor.key == g.actor.key for g in group):
            break
        group.insert(0, prev)
    return group


def _unique(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if all(m is not o for o in out):
            out.append(m)
    return out
