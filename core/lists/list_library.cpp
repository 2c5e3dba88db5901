#include "core/lists/list_library.h"

#include "core/lists/list_reader.h"
#include "core/reference/core_resources.h"
#include "core/reference/flag_states.h"
#include "core/store/database.h"

namespace wake::lists {

namespace {

// Its rows are byte for byte the Treasury's sdn.csv of that day
// (resources/lists/README.md); sdn.csv itself carries no date.
const char* const kBuiltInPath = "lists/ofac-sdn-2024-05-03-vessels.csv";
const QDate kBuiltInSnapshot(2024, 5, 3);

Result<WatchList> readBuiltIn()
{
    auto flags = reference::FlagStates::loadBuiltIn();
    if (!flags) {
        return flags.error();
    }
    ListReadOptions options;
    options.name = QStringLiteral("OFAC SDN");
    options.snapshot = kBuiltInSnapshot;
    auto list =
        readListFile(reference::corePath(QString::fromLatin1(kBuiltInPath)), options, *flags);
    if (!list) {
        return list.error();
    }
    list->origin = QStringLiteral("built in (the Treasury's sdn.csv of 3 May 2024)");
    list->snapshotBasis = QStringLiteral("the day the copy was taken");
    list->builtIn = true;
    return list;
}

} // namespace

Result<WatchList> builtInList()
{
    static const Result<WatchList> list = readBuiltIn();
    return list;
}

Result<std::vector<WatchList>> loadedLists(store::Database& db)
{
    auto builtIn = builtInList();
    if (!builtIn) {
        return builtIn.error();
    }
    auto stored = db.watchLists();
    if (!stored) {
        return stored.error();
    }
    std::vector<WatchList> out{*builtIn};
    for (WatchList& l : *stored) {
        out.push_back(std::move(l));
    }
    return out;
}

Result<ListMatcher> loadedMatcher(store::Database& db)
{
    auto lists = loadedLists(db);
    if (!lists) {
        return lists.error();
    }
    return ListMatcher(std::move(*lists));
}

Result<std::map<model::VesselId, std::vector<ListMatch>>>
matchStoredVessels(store::Database& db, const ListMatcher& matcher)
{
    auto vessels = db.listVessels();
    if (!vessels) {
        return vessels.error();
    }
    auto history = db.observedIdentityHistory();
    if (!history) {
        return history.error();
    }
    std::map<model::VesselId, std::vector<model::IdentityRecord>> formerNames;
    for (auto& [id, record] : *history) {
        if (record.field == QLatin1String("name")) {
            formerNames[id].push_back(std::move(record));
        }
    }
    std::map<model::VesselId, std::vector<ListMatch>> out;
    for (model::Vessel& v : *vessels) {
        if (const auto it = formerNames.find(v.id); it != formerNames.end()) {
            v.history = it->second;
        }
        if (auto matches = matcher.match(v); !matches.empty()) {
            out[v.id] = std::move(matches);
        }
    }
    return out;
}

} // namespace wake::lists
