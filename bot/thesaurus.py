"""Everyday English synonyms that any article's questions use: "bill" for cost, "shut" for
close, "kids" for children.

They apply to every knowledge base, under its own synonym groups (an article's groups win
where both name a word). Each group is words people use interchangeably when asking about a
news story; words that differ in what they ask ("budget" and "cost") are kept apart.
"""

from __future__ import annotations

# A word's stem is in one group only ("operation" shares "operate"'s, so it cannot also mean
# surgery; "found" is in none, as "founded" shares its stem: "who founded G4S?"). A line
# whose first word is in an earlier line adds to that group ("how much do they *pay*" asks
# what it *costs*; the people who *use* a bus are its passengers).
GROUPS: tuple[tuple[str, ...], ...] = tuple(
    tuple(line.split())
    for line in """
    cost costs costing price prices priced bill bills fee fees charge charges expense expenses
    cost pay paid paying payment payments spend spent spending earn earns earned earning earnings
    spend invest invests invested investing investment investments
    pay funding fund funds funded finance financed financing
    pay contribute contributes contributed contributing contribution contributions
    loss losses lose loses losing lost
    lose disappear disappears disappeared disappearing vanish vanishes vanished
    shortfall gap deficit
    annual annually yearly
    close closes closed closing closure closures shut shuts shutting shutdown
    open opens opened opening reopen reopens reopened reopening
    start starts started starting begin begins began beginning commence commences
    finish finishes finished end ends ended ending
    long length lengthy duration
    staff staffing workers worker employees employee workforce personnel
    job jobs post posts role roles portfolio position
    residents locals inhabitants citizens
    say says said saying told tells stated claims claimed
    decide decides decided deciding decision decisions
    vote votes voted voting ballot
    plan plans planned planning proposal proposals proposed propose scheme schemes
    merge merges merged merging merger mergers combine combines combined combining
    merge amalgamate amalgamated amalgamation
    move moves moved moving relocate relocates relocated relocating relocation transfer transferred
    build builds built building construction constructed
    repair repairs repaired repairing fix fixes fixed fixing refurbishment renovation maintenance
    children child kids kid youngsters paediatric pediatric
    injured injury injuries injuring hurt hurting wounded casualties casualty
    find finds finding findings uncover uncovered discover discovered reveal revealed
    parents mums dads mothers fathers
    doctor doctors dr medic medics consultant consultants physician physicians clinician
    protest protests protesting demo demonstration demonstrations rally rallies
    campaign campaigns campaigners campaigner campaigning activists
    campaign petition petitions signatures signature signatories sign signed signing
    reason reasons cause causes justify justifies justified justification
    problem problems issue issues concern concerns
    worry worries worried anxious fears
    increase increases increased rise rises rose risen grow grows grew growth
    decrease decreases decreased fall falls fell fallen drop drops dropped decline declined
    meeting meetings meet meets met
    cancel cancels cancelled canceled cancelling cancellation axe axed scrap scrapped
    elderly older pensioners
    car cars vehicle vehicles
    park parking
    appointment appointments appt appts
    replace replaces replaced replacement
    alternative alternatives instead
    near nearby nearest
    big bigger biggest large larger largest huge major
    money cash
    views view opinion opinions feedback respond responses response stance
    lead leads leading led spearhead spearheads spearheading heading organiser organisers
    raise raised raising fundraising fundraiser fundraisers
    run runs running ran manage manages managed managing operate operates operated
    corridor corridors hallway hallways passage
    pandemic covid coronavirus lockdown
    figures numbers statistics stats
    distance far miles
    organisation organization body
    company companies firm firms
    site premises
    age aged old
    help helps helped support supports supported
    event events session sessions
    online internet web
    journey journeys trip trips
    user users customer customers patron patrons
    user passenger passengers rider riders commuter commuters
    user visits visitors visitor attendance footfall attendances
    oppose opposes opposed opposing opposition objected objecting objection objections against
    pupil pupils student students schoolchildren
    shop shops store stores
    redundancy redundancies layoff layoffs
    home homes house houses household households dwelling dwellings
    tall high height heights
    headteacher headteachers headmaster headmistress principal
    councillor councillors cllr cllrs
    chair chairs chaired chairing chairman chairwoman chairperson
    borrow borrows borrowed borrowing loan loans
    trial trials pilot pilots
    lamp lamps light lights lighting streetlight streetlights streetlamp streetlamps
    install installs installed installing installation fit fitted fitting
    oppose complaint complaints complain complains complained complaining
    boat boats vessel vessels ship ships
    aground grounding grounded
    collect collects collected collecting collection collections pickup pickups
    collect gather gathers gathered gathering
    power powered powering electricity energy
    supply supplies supplied supplying provide provides provided providing
    request requests requested requesting apply applies applied applying application applications
    emissions carbon co2 pollution
    write writes wrote writing written
    weekday weekdays midweek
    congestion congested jam jams jammed gridlock
    pedestrian pedestrians walker walkers
    discount discounts discounted concession concessions reduction reductions
    heat heats heated heating warm warmed warming warmer
    restriction restrictions restricted limit limits limited
    failure failures fiasco fiascos shambles debacle debacles blunder blunders
    describe describes described describing description characterise characterised characterises
    describe characterize characterized portray portrays portrayed
    change changes changed changing alteration alterations alter alters altered
    change amend amended amendment amendments
    requirement requirements needs
    cause prompt prompted prompting trigger triggered triggering spark sparked sparking
    chief chiefs leader leaders boss bosses
    """.strip().splitlines()
    if line.strip()
)

# Everyday idioms in questions, read as the plain word they stand for ("get rid of" is
# "scrap"), each after a part it cannot match without: most questions are spared its regex.
IDIOMS: tuple[tuple[str, str, str], ...] = (
    ("rid of", r"\b(?:get|gets|getting|got) rid of\b", "scrap"),
    ("plug", r"\bpull(?:s|ed|ing)? the plug(?: on)?\b", "cancel"),
    ("call", r"\bcall(?:s|ed|ing)? off\b", "cancel"),
    ("final ", r"\bfinal (?:call|say)\b", "final decision"),
    ("how come", r"\bhow come\b", "why"),
    ("weigh", r"\bweigh(?:s|ed|ing)? up\b", "consider"),
    ("turn", r"\bturn(?:s|ed|ing)? down\b", "reject"),
    ("shut", r"\bshut(?:s|ting)? down\b", "close"),
    ("done deal", r"\bdone deal\b", "decided"),
    ("team", r"\bteam(?:s|ed|ing)? up\b", "collaborate"),
    ("kick", r"\bkick(?:s|ed|ing)? (?:off|in)\b", "start"),
    ("forward", r"\bput(?:s|ting)? forward\b", "propose"),
    ("fork", r"\bfork(?:s|ed|ing)? out\b", "pay"),
    ("shell", r"\bshell(?:s|ed|ing)? out\b", "pay"),
    ("sort", r"\bsort(?:s|ed|ing)? out\b", "fix"),
    ("use", r"\b(?:people|ppl|folks?) (?:use|uses|using|used)\b", "users"),
    (
        "against",
        r"\b(?:campaign(?:s|ed|ing)?|fight(?:s|ing)?|fought|protest(?:s|ed|ing)?) against\b",
        "oppose",
    ),
    ("bill", r"\b(?:foot|foots|footed|footing) (?:most of |all of |part of )?the bill\b", "pay"),
    ("put", r"\bput(?:s|ting)? up\b(?! with)", "build"),
    ("bigger", r"\b(?:make|makes|making|made) (?:\w+ )?(?:bigger|larger)\b", "expand"),
    ("contract", r"\bcontract(?:s|ed|ing)? out\b", "outsource"),
    ("in charge", r"\bin charge of\b", "running"),
    ("chip", r"\bchip(?:s|ped|ping)? in\b", "contribute"),
    ("towards", r"\bput(?:s|ting)? (?:in )?towards\b", "contribute"),
    ("foot", r"\b(?:people |those |anyone |someone )?on foot\b", "pedestrians"),
    ("aground", r"\b(?:run|runs|ran|running) aground\b", "grounding"),
    ("say", r"\bhav(?:e|ing) (?:my|your|our|their|a) say\b", "consultation"),
    ("over", r"\b(?:take|takes|taking|taken|took) over\b", "run"),
    (
        "the ",
        r"\b(?:get|gets|got|getting|given|give|gives|gave) the (?:ok|okay|go ahead|green light|"
        r"nod|thumbs up)\b",
        "approved",
    ),
    ("old", r"\bold (?:people|ppl|folks?|persons)\b", "elderly"),
    ("put", r"\b(?:put|puts|putting) in\b(?! (?:place|charge))", "contribute"),
    ("away", r"\b(?:walk|walks|walked|walking|back|backs|backed|backing) away from\b", "scrap"),
    ("past", r"\b(?:go|goes|going|went|walk|walks|walking|drive|drives|driving) past\b", "pass"),
    ("pick", r"\bpick(?:s|ed|ing)? (?:\w+ )?up\b", "get"),
    # "I keep *hearing* about it": the story's verb, not keeping anything
    ("keep", r"\b(?:keep|keeps|kept) (?=\w+ing\b)", ""),
    ("post", r"\bby (?:post|letter)\b", "in writing"),
    ("up", r"\bput(?:s|ting)? (prices|charges|fees|fares|rents|costs|taxes) up\b", r"raise \1"),
    ("back", r"\bbr(?:ing|ings|inging|ought) ((?:\w+ ){0,3}?)back\b", r"restore \1"),
    ("tag", r"\bprice tag\b", "cost"),
    ("est", r"\b(?:smallest|lowest|least) (?:amount|sum|investment)\b", "minimum"),
    ("into", r"\bput(?:s|ting)? ((?:\w+ )?)into\b", r"invest \1in"),
    ("chuck", r"\bchuck(?:s|ed|ing)? in\b", "contribute"),
    ("wrong", r"\b(?:go|goes|went|gone|going) wrong\b", "problem"),
    ("length", r"\barm'?s? length\b", "distance"),
    ("week", r"\b(?:two[ -]weekly|bi-?weekly|every (?:two|2|other) weeks?)\b", "fortnightly"),
    ("ask", r"\bask(?:s|ed|ing)? for\b", "request"),
    ("hole", r"\b(?:black )?hole in\b", "gap in"),
    ("over", r"\b(?:sleep|sleeps|sleeping|slept) over\b", "stay overnight"),
)
