#pragma once

// Which list entries a vessel is: by IMO number (check digit verified), then
// by MMSI, then by name with flag, a weaker match, including former names on
// either side. Every match names its list, entry and what matched, and the
// list's date: a ship is "on the list as of" that date, never "listed" at a
// time the list does not cover.

#include "core/lists/watch_list.h"
#include "core/model/vessel.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace wake::lists {

enum class MatchBasis
{
    Imo,
    Mmsi,
    Name,       // the vessel's name is the entry's name or an alias, under the same flag
    FormerName, // a former name of either side is the other's name
};
QString toString(MatchBasis basis); // "imo", "mmsi", "name", "former name"

struct ListMatch
{
    std::int64_t listId = 0; // 0: the built-in list
    QString list;            // "OFAC SDN"
    QDate snapshot;
    QString entryId;
    QString entryName;
    QString program;
    QStringList entryFormerNames; // f.k.a., as the list writes them
    QStringList entryAliases;     // a.k.a.
    MatchBasis basis = MatchBasis::Imo;
    QString matchedValue; // "IMO 7937317", "MMSI 445114000", "name CHONG CHON GANG"

    bool weak() const { return basis == MatchBasis::Name || basis == MatchBasis::FormerName; }
    // "on the OFAC SDN list (DPRK) as of 3 May 2024: entry 17069, matched by IMO 7937317"
    QString describe() const;
};

class ListMatcher
{
public:
    explicit ListMatcher(std::vector<WatchList> lists);

    // At most one match per list entry, strongest first (IMO, MMSI, name).
    std::vector<ListMatch> match(const model::Vessel& vessel) const;
    const std::vector<WatchList>& lists() const { return m_lists; }
    bool empty() const { return m_lists.empty(); }

private:
    struct EntryRef
    {
        std::size_t list = 0;
        std::size_t entry = 0;
    };
    struct NameRef
    {
        EntryRef ref;
        QString key;
        bool former = false;
    };
    ListMatch matchOf(EntryRef ref, MatchBasis basis, const QString& value) const;
    void matchNames(const model::Vessel& vessel, std::vector<ListMatch>& out,
                    QHash<quint64, bool>& taken) const;

    std::vector<WatchList> m_lists;
    QHash<std::uint32_t, std::vector<EntryRef>> m_byImo;
    QHash<std::uint32_t, std::vector<EntryRef>> m_byMmsi;
    QHash<QString, std::vector<NameRef>> m_byName; // exact keys
    std::vector<NameRef> m_names;                  // for near misses, by key length
};

} // namespace wake::lists
