// The same generated AIS imported into an SQLite file and into a database on
// the PostgreSQL test server gives the same vessels, events and voyages
// through `wake vessels|events|voyages --json --db …`, and the same track.

#include "tests/app/cli_fixture.h"
#include "tests/support/marine_cadastre_csv.h"
#include "tests/support/pg_test_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace {

using wake::test::Cli;
using wake::test::ProcessResult;

} // namespace

TEST_F(Cli, SqliteAndPostgresGiveTheSameVesselsEventsAndVoyages)
{
    auto server = wake::test::PgTestDatabase::create();
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    wake::traffic::TrafficOptions options;
    options.vessels = 12;
    options.encounterPairs = 2;
    options.days = 6.0;
    const QString csv = m_dir.filePath(QStringLiteral("traffic.csv"));
    ASSERT_TRUE(wake::traffic::writeGeneratedTraffic(options, csv));
    const QString sqlite = m_dir.filePath(QStringLiteral("a.sqlite"));
    const QString postgres = server->target();

    for (const QString& db : {sqlite, postgres}) {
        const ProcessResult import =
            run(QStringLiteral(WAKE_BINARY), {QStringLiteral("import"), csv, QStringLiteral("--db"),
                                              db, QStringLiteral("--scenario")});
        ASSERT_EQ(import.exitCode, 0) << db.toStdString() << ": " << import.err.toStdString();
    }
    for (const char* command : {"vessels", "events", "voyages"}) {
        QStringList outputs;
        for (const QString& db : {sqlite, postgres}) {
            const ProcessResult r = run(QStringLiteral(WAKE_BINARY),
                                        {QString::fromLatin1(command), QStringLiteral("--json"),
                                         QStringLiteral("--db"), db});
            ASSERT_EQ(r.exitCode, 0)
                << command << " " << db.toStdString() << ": " << r.err.toStdString();
            outputs << r.out;
        }
        // Not an empty comparison: 13 vessels (the scenario's and 12), dozens
        // of events, the scenario's two voyages.
        const QJsonArray rows = QJsonDocument::fromJson(outputs[0].toUtf8()).array();
        EXPECT_GE(rows.size(), 2) << command;
        EXPECT_EQ(outputs[0], outputs[1]) << command << " differ between SQLite and PostgreSQL";
    }
    // One vessel's whole track, point by point, through the export.
    QStringList tracks;
    for (const QString& db : {sqlite, postgres}) {
        const QString out = m_dir.filePath(QStringLiteral("track-%1.csv").arg(tracks.size()));
        const ProcessResult r =
            run(QStringLiteral(WAKE_BINARY),
                {QStringLiteral("export"), QStringLiteral("--vessel"), QStringLiteral("3"),
                 QStringLiteral("--out"), out, QStringLiteral("--db"), db});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        QFile file(out);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        tracks << QString::fromUtf8(file.readAll());
    }
    EXPECT_GT(tracks[0].count(QLatin1Char('\n')), 100);
    EXPECT_EQ(tracks[0], tracks[1]);
}
