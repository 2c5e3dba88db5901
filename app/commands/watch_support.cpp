#include "app/commands/watch_support.h"

#include "app/cli_support.h"
#include "core/export/track_export.h"
#include "core/lists/list_library.h"

#include <QJsonDocument>

namespace wake::app {

std::optional<LoadedWatch> loadWatch(store::Database& db, const QString& path, int& exitCode)
{
    auto stored = db.areas();
    if (reportedFailure(stored)) {
        exitCode = kExitFailure;
        return std::nullopt;
    }
    auto rules = watch::readWatchRules(path, *stored);
    if (reportedFailure(rules)) {
        exitCode = kExitUsage;
        return std::nullopt;
    }
    auto matcher = lists::loadedMatcher(db);
    if (reportedFailure(matcher)) {
        exitCode = kExitFailure;
        return std::nullopt;
    }
    return LoadedWatch{std::move(rules).value(), std::move(matcher).value()};
}

void printAlert(const watch::Alert& alert, bool json)
{
    if (json) {
        printOut(QString::fromUtf8(
                     QJsonDocument(watch::alertJson(alert)).toJson(QJsonDocument::Compact)) +
                 QLatin1Char('\n'));
        return;
    }
    const QString where = alert.position ? QStringLiteral(" at %1, %2")
                                               .arg(alert.position->latDeg, 0, 'f', 5)
                                               .arg(alert.position->lonDeg, 0, 'f', 5)
                                         : QString();
    printOut(QStringLiteral("%1  %2  %3%4\n")
                 .arg(exporting::isoUtc(alert.timeUtcMs), alert.rule, alert.text(), where));
}

} // namespace wake::app
