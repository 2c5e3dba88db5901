// `wake export` on the scenario, read back by GDAL's ogrinfo (what QGIS
// uses): the GPX, KML and GeoJSON open with their times, and the command's
// usage errors.

#include "tests/app/cli_fixture.h"

#include <QFile>
#include <QStandardPaths>

#include <gtest/gtest.h>

namespace {

using wake::test::Cli;
using wake::test::ProcessResult;

class CliExport : public Cli
{
protected:
    CliExport() { m_scenario = true; } // exports the scenario ship
    QString exportTo(const QString& name, QStringList extra = {})
    {
        const QString path = m_dir.filePath(name);
        const ProcessResult r =
            wake(QStringList{QStringLiteral("export"), QStringLiteral("--vessel"),
                             QStringLiteral("1"), QStringLiteral("--out"), path} +
                 extra);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        EXPECT_TRUE(r.out.contains(QStringLiteral("reconstructed"))) << r.out.toStdString();
        return path;
    }
    // ogrinfo -al over the file: every layer, every feature.
    QString ogrinfo(const QString& path)
    {
        const QString program = QStandardPaths::findExecutable(QStringLiteral("ogrinfo"));
        EXPECT_FALSE(program.isEmpty())
            << "ogrinfo is missing: scripts/ensure_deps.sh installs gdal-bin";
        if (program.isEmpty()) {
            return {};
        }
        const ProcessResult r = run(program, {QStringLiteral("-ro"), QStringLiteral("-al"), path});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return r.out;
    }
};

} // namespace

TEST_F(CliExport, GdalReadsTheGpxTrackWithItsTimesAndProvenance)
{
    const QString info = ogrinfo(exportTo(QStringLiteral("ccg.gpx")));
    EXPECT_TRUE(info.contains(QStringLiteral("Layer name: track_points")));
    EXPECT_TRUE(info.contains(QStringLiteral("time (DateTime) = 2013/04/12 12:00:00+00")))
        << "the first reported point, at noon of its reported date";
    EXPECT_TRUE(info.contains(QStringLiteral("type (String) = reconstructed")));
    EXPECT_TRUE(info.contains(QStringLiteral("type (String) = reported")));
    EXPECT_FALSE(info.contains(QStringLiteral("type (String) = observed")))
        << "nothing in the scenario was received over AIS";
    EXPECT_TRUE(info.contains(QStringLiteral("Layer name: waypoints")));
    EXPECT_TRUE(info.contains(QStringLiteral("Seizure")));
}

TEST_F(CliExport, GdalReadsTheKmlTrackAndTheEventTimes)
{
    const QString info = ogrinfo(exportTo(QStringLiteral("ccg.kml")));
    EXPECT_TRUE(info.contains(QStringLiteral("begin (DateTime) = 2013/04/12 12:00:00")));
    EXPECT_TRUE(info.contains(QStringLiteral("MULTILINESTRING")));
    EXPECT_TRUE(info.contains(QStringLiteral("timestamp (DateTime) = 2013/07/15")));
}

TEST_F(CliExport, GdalReadsTheGeoJsonWithCoordinateTimes)
{
    const QString info = ogrinfo(exportTo(QStringLiteral("ccg.json"),
                                          {QStringLiteral("--format"), QStringLiteral("geojson")}));
    EXPECT_TRUE(info.contains(QStringLiteral("using driver `GeoJSON'")) ||
                info.contains(QStringLiteral("MULTILINESTRING")));
    EXPECT_TRUE(info.contains(QStringLiteral("\"times\"")));
    EXPECT_TRUE(info.contains(QStringLiteral("kind (String) = seizure")));
    EXPECT_TRUE(info.contains(QStringLiteral("time (Date) = 2013/07/15")));
}

TEST_F(CliExport, ATimeWindowAndClearUsageErrors)
{
    const QString path = m_dir.filePath(QStringLiteral("leg.csv"));
    const ProcessResult leg =
        wake({QStringLiteral("export"), QStringLiteral("--vessel"), QStringLiteral("1"),
              QStringLiteral("--from"), QStringLiteral("2013-07-05"), QStringLiteral("--to"),
              QStringLiteral("2013-07-12"), QStringLiteral("--out"), path});
    ASSERT_EQ(leg.exitCode, 0) << leg.err.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = file.readAll().trimmed().split('\n');
    ASSERT_GT(rows.size(), 3);
    for (qsizetype i = 1; i < rows.size(); ++i) {
        EXPECT_TRUE(rows[i].startsWith(",2013-07-")) << rows[i].toStdString(); // no MMSI: unknown
    }

    const ProcessResult noVessel =
        wake({QStringLiteral("export"), QStringLiteral("--out"), QStringLiteral("x.gpx")});
    EXPECT_EQ(noVessel.exitCode, 2);
    EXPECT_TRUE(noVessel.err.contains(QStringLiteral("--vessel")));
    const ProcessResult badFormat =
        wake({QStringLiteral("export"), QStringLiteral("--vessel"), QStringLiteral("1"),
              QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.shp"))});
    EXPECT_EQ(badFormat.exitCode, 2);
    EXPECT_TRUE(badFormat.err.contains(QStringLiteral("--format")));
    const ProcessResult noSuchVessel =
        wake({QStringLiteral("export"), QStringLiteral("--vessel"), QStringLiteral("99"),
              QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.gpx"))});
    EXPECT_EQ(noSuchVessel.exitCode, 1);
    EXPECT_TRUE(noSuchVessel.err.contains(QStringLiteral("no vessel 99")));
    EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("x.gpx"))));
}

TEST_F(CliExport, RefusesToWriteOverTheOpenStoreOrAnyDatabase)
{
    const QString store = m_dir.filePath(QStringLiteral("cli.sqlite"));
    ASSERT_EQ(wake({QStringLiteral("vessels")}).exitCode, 0); // the store exists
    const QString link = m_dir.filePath(QStringLiteral("link.sqlite"));
    ASSERT_TRUE(QFile::link(store, link));
    const QString other = m_dir.filePath(QStringLiteral("other.db"));
    ASSERT_EQ(wake({QStringLiteral("vessels"), QStringLiteral("--db"), other}, false).exitCode, 0);
    for (const QString& out : {store, link, other, QString(m_dir.path() + "/./cli.sqlite")}) {
        const ProcessResult r =
            wake({QStringLiteral("export"), QStringLiteral("--vessel"), QStringLiteral("1"),
                  QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), out});
        EXPECT_EQ(r.exitCode, 2) << out.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("is a database, not an export")))
            << r.err.toStdString();
    }
    for (const QString& path : {store, other}) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        EXPECT_TRUE(file.read(16).startsWith("SQLite format 3")) << path.toStdString();
    }
    const ProcessResult list = wake({QStringLiteral("vessels")});
    EXPECT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_TRUE(list.out.contains(QStringLiteral("Chong Chon Gang"))) << list.out.toStdString();
}

TEST_F(CliExport, AnEmptyWindowIsAWarningNotAnError)
{
    const ProcessResult r =
        wake({QStringLiteral("export"), QStringLiteral("--vessel"), QStringLiteral("1"),
              QStringLiteral("--from"), QStringLiteral("1990-01-01"), QStringLiteral("--to"),
              QStringLiteral("1990-01-02"), QStringLiteral("--out"),
              m_dir.filePath(QStringLiteral("empty.gpx"))});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("wake: warning: the vessel has no positions")))
        << r.err.toStdString();
    EXPECT_FALSE(r.err.contains(QStringLiteral("error"))) << r.err.toStdString();
}
