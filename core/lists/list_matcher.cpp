#include "core/lists/list_matcher.h"

#include "core/lists/list_text.h"

#include <QLocale>

#include <algorithm>

namespace wake::lists {

namespace {

// A near miss (one letter) counts only for names this long: shorter ones
// ("ARK", "SEA 1") differ by a letter from many others.
constexpr int kMinFuzzyNameLength = 8;

// The digits of a name in order: "SEA STAR 2" and "SEA STAR 3" are one
// letter apart and two ships, so a near miss must keep the digits.
QString digitsOf(const QString& key)
{
    QString digits;
    for (const QChar c : key) {
        if (c.isDigit()) {
            digits += c;
        }
    }
    return digits;
}

quint64 entryKey(std::size_t list, std::size_t entry)
{
    return (static_cast<quint64>(list) << 32) | static_cast<quint64>(entry);
}

} // namespace

QString toString(MatchBasis basis)
{
    switch (basis) {
    case MatchBasis::Imo:
        return QStringLiteral("imo");
    case MatchBasis::Mmsi:
        return QStringLiteral("mmsi");
    case MatchBasis::Name:
        return QStringLiteral("name");
    case MatchBasis::FormerName:
        break;
    }
    return QStringLiteral("former name");
}

QString ListMatch::describe() const
{
    const QString date =
        QLocale(QLocale::English).toString(snapshot, QStringLiteral("d MMMM yyyy"));
    const QString programs = program.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(program);
    return QStringLiteral("on the %1 list%2 as of %3: entry %4, matched by %5%6")
        .arg(list, programs, date, entryId, matchedValue,
             weak() ? QStringLiteral(" (a weaker match: check the hull)") : QString());
}

ListMatcher::ListMatcher(std::vector<WatchList> lists) : m_lists(std::move(lists))
{
    for (std::size_t l = 0; l < m_lists.size(); ++l) {
        for (std::size_t e = 0; e < m_lists[l].entries.size(); ++e) {
            const ListEntry& entry = m_lists[l].entries[e];
            const EntryRef ref{l, e};
            if (entry.imo) {
                m_byImo[*entry.imo].push_back(ref);
            }
            if (entry.mmsi) {
                m_byMmsi[*entry.mmsi].push_back(ref);
            }
            auto addName = [&](const QString& name, bool former) {
                const QString key = nameKey(name);
                if (!key.isEmpty()) {
                    m_byName[key].push_back({ref, key, former});
                    m_names.push_back({ref, key, former});
                }
            };
            addName(entry.name, false);
            for (const QString& alias : entry.aliases) {
                addName(alias, false);
            }
            for (const QString& former : entry.formerNames) {
                addName(former, true);
            }
        }
    }
    std::sort(m_names.begin(), m_names.end(),
              [](const NameRef& a, const NameRef& b) { return a.key.size() < b.key.size(); });
}

ListMatch ListMatcher::matchOf(EntryRef ref, MatchBasis basis, const QString& value) const
{
    const WatchList& list = m_lists[ref.list];
    const ListEntry& entry = list.entries[ref.entry];
    ListMatch m;
    m.listId = list.id;
    m.list = list.name;
    m.snapshot = list.snapshot;
    m.entryId = entry.entryId;
    m.entryName = entry.name;
    m.program = entry.program;
    m.entryFormerNames = entry.formerNames;
    m.entryAliases = entry.aliases;
    m.basis = basis;
    m.matchedValue = value;
    return m;
}

std::vector<ListMatch> ListMatcher::match(const model::Vessel& vessel) const
{
    std::vector<ListMatch> out;
    QHash<quint64, bool> taken;
    auto add = [&](const std::vector<EntryRef>& refs, MatchBasis basis, const QString& value) {
        for (const EntryRef& ref : refs) {
            if (!taken.contains(entryKey(ref.list, ref.entry))) {
                taken.insert(entryKey(ref.list, ref.entry), true);
                out.push_back(matchOf(ref, basis, value));
            }
        }
    };
    if (vessel.imo) {
        add(m_byImo.value(*vessel.imo), MatchBasis::Imo, QStringLiteral("IMO %1").arg(*vessel.imo));
    }
    if (vessel.mmsi) {
        // An MMSI names a transmitter, and another hull may carry it now: an
        // entry whose IMO differs from the vessel's is another ship.
        std::vector<EntryRef> refs;
        for (const EntryRef& ref : m_byMmsi.value(*vessel.mmsi)) {
            const auto& imo = m_lists[ref.list].entries[ref.entry].imo;
            if (!imo || !vessel.imo || *imo == *vessel.imo) {
                refs.push_back(ref);
            }
        }
        add(refs, MatchBasis::Mmsi, QStringLiteral("MMSI %1").arg(*vessel.mmsi));
    }
    matchNames(vessel, out, taken);
    return out;
}

void ListMatcher::matchNames(const model::Vessel& vessel, std::vector<ListMatch>& out,
                             QHash<quint64, bool>& taken) const
{
    struct VesselName
    {
        QString text;
        bool former;
    };
    // A name counts only under a flag (below): without one there is nothing to do.
    if (!vessel.flagAlpha2) {
        return;
    }
    std::vector<VesselName> names;
    if (vessel.name) {
        names.push_back({*vessel.name, false});
    }
    for (const model::IdentityRecord& r : vessel.history) {
        if (r.field == QLatin1String("name") && !r.value.isEmpty()) {
            names.push_back({r.value, true});
        }
    }
    // A name is a ship's only with its flag, the same on both sides (a US
    // pleasure boat called LUCKY STAR is not the DPRK cargo ship the OFAC list
    // names without a flag), and with no differing IMO numbers.
    auto compatible = [&](const ListEntry& entry) {
        if (entry.imo && vessel.imo && *entry.imo != *vessel.imo) {
            return false;
        }
        return !entry.flagAlpha2.isEmpty() && vessel.flagAlpha2 &&
               entry.flagAlpha2 == *vessel.flagAlpha2;
    };
    for (const VesselName& name : names) {
        const QString key = nameKey(name.text);
        if (key.size() < 3) {
            continue;
        }
        auto consider = [&](const NameRef& n, bool exact) {
            const quint64 k = entryKey(n.ref.list, n.ref.entry);
            const ListEntry& entry = m_lists[n.ref.list].entries[n.ref.entry];
            if (taken.contains(k) || !compatible(entry)) {
                return;
            }
            taken.insert(k, true);
            const bool former = name.former || n.former;
            QString value = QStringLiteral("%1name %2")
                                .arg(former ? QStringLiteral("former ") : QString(), name.text);
            if (!exact) {
                value += QStringLiteral(" (the list writes %1)").arg(n.key);
            }
            value += QStringLiteral(" and flag %1").arg(entry.flagAlpha2);
            out.push_back(
                matchOf(n.ref, former ? MatchBasis::FormerName : MatchBasis::Name, value));
        };
        for (const NameRef& n : m_byName.value(key)) {
            consider(n, true);
        }
        if (key.size() < kMinFuzzyNameLength) {
            continue;
        }
        auto it =
            std::lower_bound(m_names.begin(), m_names.end(), key.size() - 1,
                             [](const NameRef& n, qsizetype len) { return n.key.size() < len; });
        const QString digits = digitsOf(key);
        for (; it != m_names.end() && it->key.size() <= key.size() + 1; ++it) {
            // The flag first: it rules out most names for the price of a compare.
            const ListEntry& entry = m_lists[it->ref.list].entries[it->ref.entry];
            if (entry.flagAlpha2 == *vessel.flagAlpha2 && it->key != key &&
                editDistance(it->key, key, 1) <= 1 && digitsOf(it->key) == digits) {
                consider(*it, false);
            }
        }
    }
}

} // namespace wake::lists
