// wake analyze: finds port visits, voyages, AIS gaps, encounters, loitering,
// position jumps and identity changes in the stored AIS, with progress and
// Ctrl-C like import, and says what changed against the stored results.

#include "app/analysis_runner.h"
#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/analysis/rules_settings.h"

#include <QFile>
#include <QJsonDocument>

namespace wake::app {

int runAnalyzeCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Find events and voyages in the stored AIS positions: port visits, voyages between\n"
        "them, AIS gaps (with where the ship could have gone), encounters, loitering,\n"
        "position jumps and identity changes. Re-analysis replaces only what analysis\n"
        "made; scenario events are never touched. Without --preset or --rules, the rules\n"
        "saved in the window (Analysis > Rules...) apply, else Global Fishing Watch's."));
    addCommonOptions(parser, JsonOption::NotOffered);
    parser.addOption({QStringLiteral("preset"),
                      QStringLiteral("Rules preset: gfw (Global Fishing Watch) or skylight."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("rules"),
                      QStringLiteral("Rules from a JSON file (as stored with each event)."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("vessel"), QStringLiteral("Only this vessel id."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("dry-run"),
                      QStringLiteral("List what would be added and removed; store nothing.")});
    parser.addOption(
        {QStringLiteral("list"), QStringLiteral("List every event added or removed.")});
    parser.addOption({QStringLiteral("print-rules"),
                      QStringLiteral("Print the rules that would apply, as JSON, and stop.")});
    const QString usage = QStringLiteral("wake analyze [--preset gfw|skylight | --rules FILE] "
                                         "[--vessel ID] [--dry-run] [--list] [--db PATH]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    AnalysisCommandOptions options;
    options.rules = analysis::loadSavedRules();
    if (parser.isSet(QStringLiteral("preset")) && parser.isSet(QStringLiteral("rules"))) {
        printError(QStringLiteral("--preset and --rules cannot go together"));
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("preset"))) {
        const auto preset =
            analysis::AnalysisRules::fromPreset(parser.value(QStringLiteral("preset")));
        if (!preset) {
            printError(QStringLiteral("unknown preset \"%1\" (presets: gfw, skylight)")
                           .arg(parser.value(QStringLiteral("preset"))));
            return kExitUsage;
        }
        options.rules = *preset;
    }
    if (parser.isSet(QStringLiteral("rules"))) {
        QFile file(parser.value(QStringLiteral("rules")));
        if (!file.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("cannot read the rules file %1: %2")
                           .arg(file.fileName(), file.errorString()));
            return kExitFailure;
        }
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (!doc.isObject()) {
            printError(QStringLiteral("%1 is not a JSON object of rules (%2 at byte %3)")
                           .arg(file.fileName(), error.errorString())
                           .arg(error.offset));
            return kExitFailure;
        }
        auto rules = analysis::AnalysisRules::parse(doc.object());
        if (!rules) {
            printError(QStringLiteral("%1: %2; nothing was analysed")
                           .arg(file.fileName(), rules.error().message));
            return kExitFailure;
        }
        options.rules = *rules;
    }
    if (parser.isSet(QStringLiteral("print-rules"))) {
        printJson(options.rules.toJson());
        return kExitOk;
    }
    std::optional<model::VesselId> vessel;
    if (!parseVesselOption(parser, vessel)) {
        return kExitUsage;
    }
    if (vessel) {
        options.vessels = {*vessel};
    }
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.listChanges = parser.isSet(QStringLiteral("list"));
    auto db = openDatabase(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    if (!options.vessels.empty()) {
        auto v = db->vessel(options.vessels.front());
        if (reportedFailure(v)) {
            return kExitFailure;
        }
        if (!v->has_value()) {
            printError(QStringLiteral("no vessel with id %1 (see 'wake vessels')")
                           .arg(options.vessels.front()));
            return kExitFailure;
        }
    }
    return analyseAndReport(*db, options);
}

} // namespace wake::app
