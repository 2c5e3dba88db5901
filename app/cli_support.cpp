#include "app/cli_support.h"

#include "core/investigate/fleet_query.h"
#include "core/scenario/scenario_installer.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace wake::app {

void printOut(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<std::size_t>(utf8.size()), stdout);
}

void printErr(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<std::size_t>(utf8.size()), stderr);
}

std::optional<double> parseFiniteNumber(const QString& text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

void printError(const QString& message)
{
    printErr(QStringLiteral("wake: error: %1\n").arg(message));
}

QString defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("wake.sqlite"));
}

void addCommonOptions(QCommandLineParser& parser, JsonOption json)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption(
        {QStringLiteral("db"),
         QStringLiteral("Database file to use (default: %1).").arg(defaultDatabasePath()),
         QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("scenario"),
                      QStringLiteral("Put the built-in scenario (the Chong Chon Gang, 2013) into "
                                     "the database given by --db; the default database always "
                                     "has it.")});
    if (json == JsonOption::Offered) {
        parser.addOption(
            {QStringLiteral("json"), QStringLiteral("Print JSON instead of a table.")});
    }
    parser.addOption(
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
}

std::optional<int> parseOrExit(QCommandLineParser& parser, const QStringList& arguments,
                               const QString& usage, bool takesFiles)
{
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        printErr(QStringLiteral("usage: %1\nRun with --help for details.\n").arg(usage));
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        help.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                     QStringLiteral("Usage: wake"));
        printOut(QStringLiteral("usage: %1\n\n%2").arg(usage, help.section(QLatin1Char('\n'), 1)));
        return kExitOk;
    }
    if (!takesFiles && !parser.positionalArguments().isEmpty()) {
        printError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().front()));
        printErr(QStringLiteral("usage: %1\n").arg(usage));
        return kExitUsage;
    }
    return std::nullopt;
}

std::optional<int> parseGuiArguments(const QStringList& arguments, GuiOptions& options)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("Database file to open."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("scenario"), QStringLiteral("With the built-in scenario.")});
    parser.addOption(
        {QStringLiteral("vessel"), QStringLiteral("Open on this vessel."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("time"), QStringLiteral("Open at this replay time."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("fit"), QStringLiteral("Frame this box."),
                      QStringLiteral("LAT1,LON1,LAT2,LON2")});
    if (!parser.parse(arguments)) {
        printError(parser.errorText() + QStringLiteral(" (see wake --help)"));
        return kExitUsage;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("unexpected argument \"%1\" (see wake --help)")
                       .arg(parser.positionalArguments().front()));
        return kExitUsage;
    }
    options.databasePath = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                              : defaultDatabasePath();
    options.withScenario =
        !parser.isSet(QStringLiteral("db")) || parser.isSet(QStringLiteral("scenario"));
    if (parser.isSet(QStringLiteral("vessel"))) {
        bool ok = false;
        const qint64 id = parser.value(QStringLiteral("vessel")).toLongLong(&ok);
        if (!ok || id <= 0) {
            printError(QStringLiteral("--vessel wants a vessel's id (see 'wake vessels'), not "
                                      "\"%1\"")
                           .arg(parser.value(QStringLiteral("vessel"))));
            return kExitUsage;
        }
        options.vessel = id;
    }
    if (!parseTimeOption(parser, QStringLiteral("time"), options.time)) {
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("fit"))) {
        options.fit = parseBox(parser.value(QStringLiteral("fit")));
        if (!options.fit) {
            printError(QStringLiteral("--fit needs LAT1,LON1,LAT2,LON2 in decimal degrees, not "
                                      "\"%1\"")
                           .arg(parser.value(QStringLiteral("fit"))));
            return kExitUsage;
        }
    }
    return std::nullopt;
}

std::optional<std::pair<model::LatLon, model::LatLon>> parseBox(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4) {
        return std::nullopt;
    }
    double v[4];
    for (int i = 0; i < 4; ++i) {
        const auto number = parseFiniteNumber(parts[i].trimmed());
        if (!number) {
            return std::nullopt;
        }
        v[i] = *number;
    }
    const model::LatLon a{std::min(v[0], v[2]), v[1]};
    const model::LatLon b{std::max(v[0], v[2]), v[3]};
    if (!a.isValid() || !b.isValid() || a.latDeg == b.latDeg || v[1] == v[3]) {
        return std::nullopt;
    }
    return std::make_pair(a, b);
}

// "2013-07-08T12:00Z", "2013-07-08T12:00:00+02:00" or a date ("2013-07-08",
// midnight UTC). A time without a zone is taken as UTC, as everywhere in Wake.
bool parseTimeOption(const QCommandLineParser& parser, const QString& option,
                     std::optional<std::int64_t>& target)
{
    if (!parser.isSet(option)) {
        return true;
    }
    target = parseUserTime(parser.value(option));
    if (!target) {
        printError(QStringLiteral("--%1 wants a time like 2013-07-08T12:00Z or a date, not \"%2\"")
                       .arg(option, parser.value(option)));
        return false;
    }
    return true;
}

bool parseTimeWindow(const QCommandLineParser& parser, std::optional<std::int64_t>& from,
                     std::optional<std::int64_t>& to)
{
    if (!parseTimeOption(parser, QStringLiteral("from"), from) ||
        !parseTimeOption(parser, QStringLiteral("to"), to)) {
        return false;
    }
    if (from && to && *from > *to) {
        printError(
            QStringLiteral("--from %1 is after --to %2: the window is empty")
                .arg(parser.value(QStringLiteral("from")), parser.value(QStringLiteral("to"))));
        return false;
    }
    return true;
}

std::optional<std::int64_t> parseUserTime(const QString& text)
{
    static const QRegularExpression re(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?)?$"));
    if (!re.match(text).hasMatch()) {
        return std::nullopt;
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        return std::nullopt;
    }
    if (t.timeSpec() == Qt::LocalTime) {
        t.setTimeSpec(Qt::UTC);
    }
    return t.toMSecsSinceEpoch();
}

Result<store::Database> openStore(const QString& path, bool withScenario)
{
    return withScenario ? scenario::openWithBuiltInScenario(path)
                        : scenario::openKeepingScenario(path);
}

Result<store::Database> openDatabase(const QCommandLineParser& parser)
{
    // The default database has the scenario; one given by --db has it when
    // asked (--scenario) or when it had it before (kept up to date).
    if (!parser.isSet(QStringLiteral("db"))) {
        return openStore(defaultDatabasePath(), true);
    }
    return openStore(parser.value(QStringLiteral("db")), parser.isSet(QStringLiteral("scenario")));
}

Result<store::Database> openDatabaseToRead(const QCommandLineParser& parser)
{
    const QString path = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                            : defaultDatabasePath();
    if (store::Database::isReadOnlyFile(path)) {
        return store::Database::openReadOnly(path);
    }
    return openDatabase(parser);
}

void printTable(const QStringList& header, const std::vector<QStringList>& rows)
{
    std::vector<qsizetype> widths(static_cast<std::size_t>(header.size()));
    auto measure = [&](const QStringList& row) {
        for (qsizetype i = 0; i < row.size() && i < header.size(); ++i) {
            widths[static_cast<std::size_t>(i)] =
                std::max(widths[static_cast<std::size_t>(i)], row.at(i).size());
        }
    };
    measure(header);
    for (const auto& row : rows) {
        measure(row);
    }
    auto line = [&](const QStringList& row) {
        QString out;
        for (qsizetype i = 0; i < row.size(); ++i) {
            const bool last = i + 1 == row.size();
            out +=
                last ? row.at(i) : row.at(i).leftJustified(widths[static_cast<std::size_t>(i)] + 2);
        }
        printOut(out + QLatin1Char('\n'));
    };
    line(header);
    for (const auto& row : rows) {
        line(row);
    }
}

void printJson(const QJsonValue& value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    printOut(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
}

QString orDash(const std::optional<QString>& text)
{
    return text && !text->isEmpty() ? *text : QStringLiteral("-");
}

const QElapsedTimer& startTimer()
{
    static const QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer;
}

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

bool parseVesselOption(const QCommandLineParser& parser, std::optional<model::VesselId>& vesselId)
{
    if (!parser.isSet(QStringLiteral("vessel"))) {
        return true;
    }
    bool ok = false;
    const qint64 id = parser.value(QStringLiteral("vessel")).toLongLong(&ok);
    if (!ok || id <= 0) {
        printError(
            QStringLiteral("--vessel needs a vessel id (a positive whole number), not \"%1\"")
                .arg(parser.value(QStringLiteral("vessel"))));
        return false;
    }
    vesselId = id;
    return true;
}

Result<std::map<model::VesselId, QString>> vesselNamesById(store::Database& db)
{
    auto vessels = db.listVessels();
    if (!vessels) {
        return vessels.error();
    }
    std::map<model::VesselId, QString> names;
    for (const model::Vessel& v : *vessels) {
        names.emplace(v.id, v.displayName());
    }
    return names;
}

std::optional<int> readAreaOption(store::Database& db, const QCommandLineParser& parser,
                                  std::optional<geo::Area>& area)
{
    if (!parser.isSet(QStringLiteral("area"))) {
        return std::nullopt;
    }
    auto found = investigate::findArea(db, parser.value(QStringLiteral("area")));
    if (!found) {
        printError(found.error().toString());
        return found.error().code == Error::Code::InvalidArgument ? kExitUsage : kExitFailure;
    }
    area = std::move(found).value();
    return std::nullopt;
}

} // namespace wake::app
