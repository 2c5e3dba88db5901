#pragma once

// Shared pieces of the headless subcommands: exit codes, option parsing,
// opening the database and printing aligned tables.

#include "core/geo/area.h"
#include "core/model/lat_lon.h"
#include "core/store/database.h"
#include "core/util/result.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace wake::app {

enum ExitCode
{
    kExitOk = 0,
    kExitFailure = 1,
    kExitUsage = 2
};

// Started by the first call (main makes it at once): time since start.
const QElapsedTimer& startTimer();

// Prints to standard output / standard error (UTF-8).
void printOut(const QString& text);
void printErr(const QString& text);

// "wake: error: <message>" on standard error.
void printError(const QString& message);

// The database file used when --db is not given (created on first use).
QString defaultDatabasePath();

// Adds --db, --json and --help to a subcommand's parser.
// --db and --help, and --json for the commands that print JSON (only they
// offer it).
enum class JsonOption
{
    Offered,
    NotOffered
};
void addCommonOptions(QCommandLineParser& parser, JsonOption json = JsonOption::Offered);

// Parses a subcommand's arguments. On a usage error prints it and returns
// kExitUsage; on --help prints help and returns kExitOk; nullopt means go on.
// Positional arguments are a usage error unless takesFiles.
std::optional<int> parseOrExit(QCommandLineParser& parser, const QStringList& arguments,
                               const QString& usage, bool takesFiles = false);

// The window's own arguments: the database, and what to open on.
struct GuiOptions
{
    QString databasePath;
    bool withScenario = true; // the default database has it; one given by --db only if asked
    std::optional<qint64> vessel;
    std::optional<std::int64_t> time;
    std::optional<std::pair<model::LatLon, model::LatLon>> fit;
};

// Checks the window's arguments (--db PATH, --scenario, --vessel ID, --time T,
// --fit BOX). Returns the exit code for a usage error (after printing it), or
// nullopt and the options.
std::optional<int> parseGuiArguments(const QStringList& arguments, GuiOptions& options);

// "LAT1,LON1,LAT2,LON2" in decimal degrees: south-west and north-east.
std::optional<std::pair<model::LatLon, model::LatLon>> parseBox(const QString& text);

// Reads --vessel ID into vesselId when it is given. A value that is not a
// positive whole number is printed as a usage error and gives false.
bool parseVesselOption(const QCommandLineParser& parser, std::optional<model::VesselId>& vesselId);

// Opens --db, or the default database. The default database has the
// built-in scenario; a database given by --db gets it with --scenario, and
// keeps it up to date when it has it.
Result<store::Database> openDatabase(const QCommandLineParser& parser);
// The same rule for a path: the scenario put in (withScenario) or kept.
Result<store::Database> openStore(const QString& path, bool withScenario);
// The same for commands that only read (vessels, events, export ...): a file
// Wake may not write is opened read-only, as it is, instead of refused.
Result<store::Database> openDatabaseToRead(const QCommandLineParser& parser);

// Prints rows as left-aligned columns under a header.
void printTable(const QStringList& header, const std::vector<QStringList>& rows);

// Every vessel's name as a table shows it (Vessel::displayName), by id: one
// read for a whole listing.
Result<std::map<model::VesselId, QString>> vesselNamesById(store::Database& db);

// Prints a JSON array or object, indented, followed by a newline.
void printJson(const QJsonValue& value);

QString orDash(const std::optional<QString>& text);
QString orDash(const QString& text); // "-" for an empty text

// "2013-07-08T12:00Z", "2013-07-08T12:00:00+02:00" or a date ("2013-07-08",
// midnight UTC), as milliseconds since 1970. Without a zone, UTC.
std::optional<std::int64_t> parseUserTime(const QString& text);
// A finite number ("12", "0.5"), or nullopt for anything else: QString's
// toDouble also takes "nan" and "inf", which no option of Wake means.
std::optional<double> parseFiniteNumber(const QString& text);

// Reads a time option (--from, --to ...) when it is given; prints what is
// wrong and returns false for one that is not a time.
bool parseTimeOption(const QCommandLineParser& parser, const QString& option,
                     std::optional<std::int64_t>& target);
// --from and --to, each when given; false (after saying what is wrong) for
// a value that is not a time or a --from after --to, which would select
// nothing without saying why.
bool parseTimeWindow(const QCommandLineParser& parser, std::optional<std::int64_t>& from,
                     std::optional<std::int64_t>& to);

// --area when given: a stored area's name, two corners or a GeoJSON/KML file.
// An exit code (after saying why) when it cannot be read; nullopt to go on.
std::optional<int> readAreaOption(store::Database& db, const QCommandLineParser& parser,
                                  std::optional<geo::Area>& area);

// Prints the error of a failed Result ("wake: error: ..."); true when it failed.
// Commands use it as: if (reportedFailure(db)) { return kExitFailure; }
template <typename T>
bool reportedFailure(const Result<T>& result)
{
    if (result.ok()) {
        return false;
    }
    printError(result.error().toString());
    return true;
}

} // namespace wake::app
