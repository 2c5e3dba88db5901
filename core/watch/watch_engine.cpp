#include "core/watch/watch_engine.h"

#include "core/live/target_table.h"

#include <algorithm>
#include <cmath>

namespace wake::watch {

namespace {

constexpr std::size_t kGapsKept = 5;
constexpr double kHysteresis = 1.2;

// AIS-SART 970xxyyyy, MOB 972xxyyyy, EPIRB-AIS 974xxyyyy (ITU-R M.585).
QString distressDevice(std::uint32_t mmsi)
{
    switch (mmsi / 1'000'000) {
    case 970:
        return QStringLiteral("AIS-SART");
    case 972:
        return QStringLiteral("MOB");
    case 974:
        return QStringLiteral("EPIRB-AIS");
    default:
        return {};
    }
}

bool isAreaKind(RuleKind k)
{
    return k == RuleKind::AreaEnter || k == RuleKind::AreaLeave || k == RuleKind::AreaDwell ||
           k == RuleKind::NotAuthorised;
}

Motion motionOf(const PositionReport& r)
{
    return {{r.latDeg, r.lonDeg}, r.sogKnots.value_or(0.0), r.cogDeg.value_or(0.0)};
}

// Moored (5) or at anchor (1), or not making way.
bool isMoored(const PositionReport& r)
{
    return (r.navStatus && (*r.navStatus == 1 || *r.navStatus == 5)) ||
           r.sogKnots.value_or(0.0) < 0.5;
}

} // namespace

WatchEngine::WatchEngine(WatchRules rules, const lists::ListMatcher* matcher, MeetingPlaces places)
    : m_rules(std::move(rules)), m_matcher(matcher), m_ownMmsi(m_rules.ownShipMmsi),
      m_encounters(m_rules.rules, std::move(places))
{
    for (const WatchRule& r : m_rules.rules) {
        if (r.kind == RuleKind::Cpa || r.kind == RuleKind::Guard) {
            m_cpaReachNm = std::max(m_cpaReachNm, r.nm);
            m_cpaReachMinutes = std::max(m_cpaReachMinutes, r.minutes);
        }
    }
}

void WatchEngine::evaluateEncounters(Target& t, std::vector<Alert>& out)
{
    if (m_encounters.empty()) {
        return;
    }
    const auto lastOf = [this](std::uint32_t mmsi) -> const PositionReport* {
        const auto it = m_targets.find(mmsi);
        return it == m_targets.end() ? nullptr : &it->second.view.last;
    };
    for (const Meeting& m : m_encounters.report(t.view.last, lastOf)) {
        Alert a = alertFor(m_rules.rules[m.rule], t, t.view.last.timeUtcMs);
        a.otherMmsi = m.other;
        out.push_back(std::move(a));
    }
}

std::vector<std::pair<std::uint32_t, Approach>> WatchEngine::approaches() const
{
    std::vector<std::pair<std::uint32_t, Approach>> out;
    for (const auto& [mmsi, t] : m_targets) {
        if (t.view.approach) {
            out.emplace_back(mmsi, *t.view.approach);
        }
    }
    return out;
}

const WatchedTarget* WatchEngine::target(std::uint32_t mmsi) const
{
    const auto it = m_targets.find(mmsi);
    return it == m_targets.end() ? nullptr : &it->second.view;
}

void WatchEngine::setIdentity(std::uint32_t mmsi, const model::Vessel& vessel)
{
    // Merged over what was known: a class B ship's name and its type come
    // in two messages.
    auto [slot, isNew] = m_identities.try_emplace(mmsi, vessel);
    model::Vessel& known = slot->second;
    if (!isNew) {
        auto take = [](auto& to, const auto& from) {
            if (from) {
                to = from;
            }
        };
        take(known.imo, vessel.imo);
        take(known.name, vessel.name);
        take(known.callSign, vessel.callSign);
        take(known.flagAlpha2, vessel.flagAlpha2);
        take(known.aisShipType, vessel.aisShipType);
        take(known.lengthM, vessel.lengthM);
        take(known.beamM, vessel.beamM);
    }
    known.mmsi = mmsi;
    if (auto it = m_targets.find(mmsi); it != m_targets.end()) {
        Target& t = it->second;
        t.matches = m_matcher ? m_matcher->match(known) : std::vector<lists::ListMatch>{};
        t.view.name = known.name.value_or(QString());
        t.view.shipType = known.aisShipType;
        t.view.listed = !t.matches.empty();
        for (const WatchRule& rule : m_rules.rules) {
            if (rule.kind == RuleKind::Dark && watchedForDark(t, rule)) {
                m_darkWatched.insert(mmsi);
            }
        }
    }
}

bool WatchEngine::onList(const Target& t, const WatchRule& rule, QString* entry,
                         QString* listName) const
{
    if (std::find(rule.mmsis.begin(), rule.mmsis.end(), t.view.mmsi) != rule.mmsis.end()) {
        if (entry != nullptr) {
            *entry = QStringLiteral("watched by MMSI in the rules");
        }
        return true;
    }
    for (const lists::ListMatch& m : t.matches) {
        if (rule.list.isEmpty() || m.list == rule.list) {
            if (entry != nullptr) {
                *entry = m.describe();
            }
            if (listName != nullptr) {
                *listName = m.list;
            }
            return true;
        }
    }
    return false;
}

bool WatchEngine::watchedForDark(const Target& t, const WatchRule& rule) const
{
    if (!rule.mmsis.empty() && rule.list.isEmpty()) {
        return std::find(rule.mmsis.begin(), rule.mmsis.end(), t.view.mmsi) != rule.mmsis.end();
    }
    return onList(t, rule);
}

std::int64_t WatchEngine::darkAfterMs(const Target& t, const WatchRule& rule) const
{
    return static_cast<std::int64_t>(rule.intervals) * t.view.intervalMs;
}

Alert WatchEngine::alertFor(const WatchRule& rule, const Target& t, std::int64_t time) const
{
    Alert a;
    a.timeUtcMs = time;
    a.kind = rule.kind;
    a.rule = rule.name;
    a.mmsi = t.view.mmsi;
    a.vesselId = t.view.vesselId;
    a.vesselName = t.view.name;
    a.position = model::LatLon{t.view.last.latDeg, t.view.last.lonDeg};
    if (rule.area >= 0) {
        a.area = m_rules.areas[static_cast<std::size_t>(rule.area)].name();
    }
    a.list = rule.list;
    return a;
}

std::vector<Alert> WatchEngine::advanceTo(std::int64_t timeUtcMs)
{
    std::vector<Alert> out;
    if (timeUtcMs <= m_now) {
        return out;
    }
    for (const std::uint32_t mmsi : m_darkWatched) {
        Target& t = m_targets.at(mmsi);
        for (std::size_t i = 0; i < m_rules.rules.size(); ++i) {
            const WatchRule& rule = m_rules.rules[i];
            RuleState& s = t.rules[i];
            if (rule.kind != RuleKind::Dark || s.fired || !watchedForDark(t, rule)) {
                continue;
            }
            const std::int64_t after = darkAfterMs(t, rule);
            const std::int64_t due = t.view.last.timeUtcMs + after;
            if (due <= timeUtcMs) {
                Alert a = alertFor(rule, t, due);
                a.silentMinutes = static_cast<double>(after) / 60'000.0;
                QString list;
                if (onList(t, rule, nullptr, &list) && !list.isEmpty()) {
                    a.list = list;
                }
                out.push_back(std::move(a));
                s.fired = true;
            }
        }
    }
    m_now = timeUtcMs;
    std::sort(out.begin(), out.end(), [](const Alert& a, const Alert& b) {
        return a.timeUtcMs != b.timeUtcMs ? a.timeUtcMs < b.timeUtcMs : a.mmsi < b.mmsi;
    });
    return out;
}

std::vector<Alert> WatchEngine::report(const PositionReport& r)
{
    std::vector<Alert> out = advanceTo(r.timeUtcMs);
    if (r.ownShip && !m_ownMmsi && r.mmsi != 0) {
        m_ownMmsi = r.mmsi; // learned from VDO
    }
    if (r.ownShip || (m_ownMmsi && r.mmsi == *m_ownMmsi)) {
        m_own = r;
        m_own->ownShip = true;
        ownShipMoved(out);
        return out;
    }
    auto [it, isNew] = m_targets.try_emplace(r.mmsi);
    Target& t = it->second;
    bool newPresence = isNew;
    if (isNew) {
        t.rules.resize(m_rules.rules.size());
        t.view.mmsi = r.mmsi;
        model::Vessel bare;
        bare.mmsi = r.mmsi;
        const auto known = m_identities.find(r.mmsi);
        const model::Vessel& identity = known != m_identities.end() ? known->second : bare;
        t.matches = m_matcher ? m_matcher->match(identity) : std::vector<lists::ListMatch>{};
        t.view.name = identity.name.value_or(QString());
        t.view.shipType = identity.aisShipType;
        t.view.listed = !t.matches.empty();
    } else {
        const std::int64_t gap = r.timeUtcMs - t.view.last.timeUtcMs;
        if (gap > kPresenceGapMs) {
            newPresence = true;
            t.gaps.clear();
        } else if (gap > 0) {
            t.gaps.push_back(gap);
            if (t.gaps.size() > kGapsKept) {
                t.gaps.pop_front();
            }
        }
    }
    if (newPresence) {
        t.presenceStartUtcMs = r.timeUtcMs;
    }
    t.view.last = r;
    if (r.vesselId != 0) {
        t.view.vesselId = r.vesselId;
    }
    // The interval it should keep, or the one it has kept, the longer.
    std::int64_t kept = 0;
    if (!t.gaps.empty()) {
        std::vector<std::int64_t> sorted(t.gaps.begin(), t.gaps.end());
        std::nth_element(sorted.begin(),
                         sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2),
                         sorted.end());
        kept = sorted[sorted.size() / 2];
    }
    t.view.intervalMs =
        std::max(live::nominalIntervalMs(live::TargetClass::A, r.sogKnots, r.navStatus), kept);
    for (const WatchRule& rule : m_rules.rules) {
        if (rule.kind == RuleKind::Dark && watchedForDark(t, rule)) {
            m_darkWatched.insert(r.mmsi);
        }
    }
    evaluate(t, newPresence, out);
    evaluateCpa(t, out);
    evaluateEncounters(t, out);
    return out;
}

std::vector<Alert> WatchEngine::identity(std::uint32_t mmsi, std::int64_t timeUtcMs,
                                         const model::Vessel& heard)
{
    std::vector<Alert> out = advanceTo(timeUtcMs);
    QStringList changes;
    if (const auto known = m_identities.find(mmsi); known != m_identities.end()) {
        const model::Vessel& before = known->second;
        auto compare = [&](const char* label, const std::optional<QString>& was,
                           const std::optional<QString>& now) {
            if (was && now && !was->isEmpty() && !now->isEmpty() && *was != *now) {
                changes << QStringLiteral("%1 %2 → %3").arg(QLatin1String(label), *was, *now);
            }
        };
        auto number = [](const auto& v) {
            return v ? std::optional<QString>(QString::number(*v)) : std::nullopt;
        };
        compare("name", before.name, heard.name);
        compare("call sign", before.callSign, heard.callSign);
        compare("IMO", number(before.imo), number(heard.imo));
        compare("ship type", number(before.aisShipType), number(heard.aisShipType));
    }
    const auto target = m_targets.find(mmsi);
    if (!changes.isEmpty()) {
        for (const WatchRule& rule : m_rules.rules) {
            if (rule.kind != RuleKind::IdentityChange) {
                continue;
            }
            if (!rule.list.isEmpty() &&
                (target == m_targets.end() || !onList(target->second, rule))) {
                continue;
            }
            Alert a;
            if (target != m_targets.end()) {
                a = alertFor(rule, target->second, timeUtcMs);
            } else {
                a.timeUtcMs = timeUtcMs;
                a.kind = rule.kind;
                a.rule = rule.name;
                a.mmsi = mmsi;
                a.list = rule.list;
            }
            a.change = changes.join(QStringLiteral("; "));
            out.push_back(std::move(a));
        }
    }
    setIdentity(mmsi, heard);
    return out;
}

std::vector<Alert> WatchEngine::safetyText(std::uint32_t mmsi, std::int64_t timeUtcMs,
                                           const QString& text)
{
    std::vector<Alert> out = advanceTo(timeUtcMs);
    const QString upper = text.toUpper();
    QString device;
    for (const auto& [word, name] : {std::pair{"SART", "AIS-SART"}, std::pair{"MOB", "MOB"},
                                     std::pair{"EPIRB", "EPIRB-AIS"}}) {
        if (upper.contains(QLatin1String(word))) {
            device = QLatin1String(name);
            break;
        }
    }
    const bool active = upper.contains(QLatin1String("ACTIVE"));
    const bool test = upper.contains(QLatin1String("TEST"));
    if (device.isEmpty() || active == test) {
        return out; // not a device's announcement (or both words: unclear)
    }
    std::size_t distress = 0;
    while (distress < m_rules.rules.size() && m_rules.rules[distress].kind != RuleKind::Distress) {
        ++distress;
    }
    if (distress == m_rules.rules.size()) {
        return out;
    }
    const WatchRule& rule = m_rules.rules[distress];
    Alert a;
    a.timeUtcMs = timeUtcMs;
    a.kind = RuleKind::Distress;
    a.rule = rule.name;
    a.mmsi = mmsi;
    a.distress = device;
    a.test = test;
    bool* fired = nullptr;
    if (auto it = m_targets.find(mmsi); it != m_targets.end()) {
        Target& t = it->second;
        RuleState& s = t.rules[distress];
        fired = active ? &s.fired : &s.inside; // as its position reports count them
        a.vesselId = t.view.vesselId;
        a.vesselName = t.view.name;
        a.position = model::LatLon{t.view.last.latDeg, t.view.last.lonDeg};
    } else {
        TextOnly& seen = m_textOnly[mmsi];
        if (timeUtcMs - seen.lastUtcMs > kPresenceGapMs) {
            seen = TextOnly{};
        }
        seen.lastUtcMs = timeUtcMs;
        fired = active ? &seen.active : &seen.test;
    }
    if (!*fired) {
        *fired = true;
        out.push_back(std::move(a));
    }
    return out;
}

void WatchEngine::evaluate(Target& t, bool newPresence, std::vector<Alert>& out)
{
    const PositionReport& r = t.view.last;
    const model::LatLon at{r.latDeg, r.lonDeg};
    for (std::size_t i = 0; i < m_rules.rules.size(); ++i) {
        const WatchRule& rule = m_rules.rules[i];
        RuleState& s = t.rules[i];
        if (newPresence && rule.kind != RuleKind::Cpa && rule.kind != RuleKind::Guard) {
            s = RuleState{};
        }
        if (isAreaKind(rule.kind)) {
            const bool inside = m_rules.areas[static_cast<std::size_t>(rule.area)].contains(at);
            const bool entered = inside && !s.inside;
            if (entered) {
                s.enteredUtcMs = r.timeUtcMs;
                s.fired = false;
            }
            if ((rule.kind == RuleKind::AreaEnter && entered) ||
                (rule.kind == RuleKind::AreaLeave && !inside && s.inside)) {
                out.push_back(alertFor(rule, t, r.timeUtcMs));
            } else if (rule.kind == RuleKind::AreaDwell && inside && !s.fired &&
                       r.timeUtcMs - s.enteredUtcMs >=
                           static_cast<std::int64_t>(rule.minutes * 60'000.0)) {
                out.push_back(alertFor(rule, t, r.timeUtcMs));
                s.fired = true;
            } else if (rule.kind == RuleKind::NotAuthorised && entered && !onList(t, rule)) {
                out.push_back(alertFor(rule, t, r.timeUtcMs));
            }
            s.inside = inside;
            continue;
        }
        switch (rule.kind) {
        case RuleKind::ListedHeard: {
            QString entry;
            QString list;
            if (!s.fired && onList(t, rule, &entry, &list)) {
                Alert a = alertFor(rule, t, r.timeUtcMs);
                a.entry = entry;
                if (!list.isEmpty()) {
                    a.list = list;
                }
                out.push_back(std::move(a));
                s.fired = true;
            }
            break;
        }
        case RuleKind::Dark:
            s.fired = false; // heard: the silence, if any, is over
            break;
        case RuleKind::Distress: {
            QString device = distressDevice(r.mmsi);
            const bool active = r.navStatus == 14; // "AIS-SART is active"
            if (device.isEmpty() && active) {
                device = QStringLiteral("AIS-SART");
            }
            if (device.isEmpty()) {
                break;
            }
            // A device in test mode sends status 15; each mode once a presence.
            bool& fired = active ? s.fired : s.inside;
            if (!fired) {
                Alert a = alertFor(rule, t, r.timeUtcMs);
                a.distress = device;
                a.test = !active;
                out.push_back(std::move(a));
                fired = true;
            }
            break;
        }
        default:
            break;
        }
    }
}

bool WatchEngine::withinReach(const PositionReport& target) const
{
    // On a flat plane, without trigonometry per target: further than the
    // widest rule's distance (with its hysteresis) plus what both could close
    // in its minutes (and in the two minutes a report may be old), a target
    // can neither raise nor hold a CPA alarm.
    const double dy = (target.latDeg - m_own->latDeg) * 60.0;
    double dLon = target.lonDeg - m_own->lonDeg;
    if (dLon > 180.0) {
        dLon -= 360.0;
    } else if (dLon < -180.0) {
        dLon += 360.0;
    }
    const double dx = dLon * 60.0 * m_ownCosLat;
    const double closing = m_own->sogKnots.value_or(0.0) + target.sogKnots.value_or(0.0);
    const double reach =
        kHysteresis * m_cpaReachNm + closing * (kHysteresis * m_cpaReachMinutes + 2.0) / 60.0 + 0.1;
    return dx * dx + dy * dy <= reach * reach;
}

// The alarm's time is the time of the report that raised it: the target's,
// with own ship carried to it; or own ship's, with the target carried to it
// (ownShipMoved). Two feeds that bring own ship and targets in another
// order so give the same alarm on ships holding their course.
void WatchEngine::evaluateCpa(Target& t, std::vector<Alert>& out)
{
    if (!m_own || t.view.last.timeUtcMs - m_own->timeUtcMs > kOwnShipFreshMs ||
        m_own->timeUtcMs - t.view.last.timeUtcMs > kOwnShipFreshMs || !withinReach(t.view.last)) {
        t.view.approach.reset();
        for (std::size_t i = 0; i < m_rules.rules.size(); ++i) {
            if (m_rules.rules[i].kind == RuleKind::Cpa ||
                m_rules.rules[i].kind == RuleKind::Guard) {
                t.rules[i].inside = false; // out of reach: no alarm can hold
            }
        }
        return;
    }
    const double seconds = static_cast<double>(t.view.last.timeUtcMs - m_own->timeUtcMs) / 1000.0;
    const Approach a =
        closestApproach(deadReckon(motionOf(*m_own), seconds), motionOf(t.view.last));
    t.view.approach = a;
    const bool moored = isMoored(*m_own);
    for (std::size_t i = 0; i < m_rules.rules.size(); ++i) {
        const WatchRule& rule = m_rules.rules[i];
        RuleState& s = t.rules[i];
        if (rule.kind == RuleKind::Guard) {
            // Inside the ring, whatever its course; out again 20 % beyond.
            const bool inRing = a.rangeNm <= rule.nm && (!moored || rule.whenMoored);
            if (inRing && !s.inside) {
                Alert alert = alertFor(rule, t, t.view.last.timeUtcMs);
                alert.rangeNm = a.rangeNm;
                out.push_back(std::move(alert));
                s.inside = true;
            } else if (s.inside &&
                       (a.rangeNm > rule.nm * kHysteresis || (moored && !rule.whenMoored))) {
                s.inside = false;
            }
            continue;
        }
        if (rule.kind != RuleKind::Cpa) {
            continue;
        }
        const bool alarm = a.cpaNm <= rule.nm && a.tcpaMinutes >= 0.0 &&
                           a.tcpaMinutes <= rule.minutes && (!moored || rule.whenMoored);
        const bool clear = a.cpaNm > rule.nm * kHysteresis || a.tcpaMinutes < 0.0 ||
                           a.tcpaMinutes > rule.minutes * kHysteresis ||
                           (moored && !rule.whenMoored);
        if (alarm && !s.inside) {
            Alert alert = alertFor(rule, t, t.view.last.timeUtcMs);
            alert.cpaNm = a.cpaNm;
            alert.tcpaMinutes = a.tcpaMinutes;
            alert.rangeNm = a.rangeNm;
            out.push_back(std::move(alert));
            s.inside = true;
        } else if (s.inside && clear) {
            s.inside = false;
        }
    }
}

void WatchEngine::ownShipMoved(std::vector<Alert>& out)
{
    // Every target still reporting within reach, carried on to own ship's
    // time. In mmsi order, so that two alerts of one report come out the
    // same way every run.
    m_ownCosLat = std::cos(m_own->latDeg * M_PI / 180.0);
    std::vector<std::uint32_t> order;
    for (auto& [mmsi, t] : m_targets) {
        if (m_own->timeUtcMs - t.view.last.timeUtcMs <= kOwnShipFreshMs &&
            t.view.last.timeUtcMs - m_own->timeUtcMs <= kOwnShipFreshMs &&
            withinReach(t.view.last)) {
            order.push_back(mmsi);
        } else if (t.view.approach) {
            std::vector<Alert> none;
            evaluateCpa(t, none); // clears what it held
        }
    }
    std::sort(order.begin(), order.end());
    for (const std::uint32_t mmsi : order) {
        Target& t = m_targets.at(mmsi);
        const PositionReport saved = t.view.last;
        // Evaluate as if the target's last report were at own ship's time.
        const double seconds = static_cast<double>(m_own->timeUtcMs - saved.timeUtcMs) / 1000.0;
        const Motion moved = deadReckon(motionOf(saved), seconds);
        t.view.last.latDeg = moved.position.latDeg;
        t.view.last.lonDeg = moved.position.lonDeg;
        t.view.last.timeUtcMs = m_own->timeUtcMs;
        const std::size_t before = out.size();
        evaluateCpa(t, out);
        t.view.last = saved;
        // Where it was reported, not where dead reckoning puts it.
        for (std::size_t i = before; i < out.size(); ++i) {
            out[i].position = model::LatLon{saved.latDeg, saved.lonDeg};
        }
    }
}

} // namespace wake::watch
