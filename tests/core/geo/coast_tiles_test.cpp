// The harbour-scale coastline file (GSHHG 2.3.7 full, 1-degree tiles): what
// is water and what is land where the scenario ends, the round trip from the
// generator to the reader, the cache, and a damaged file.

#include "core/geo/coast_tiles.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace wake;

namespace {

std::shared_ptr<geo::CoastTiles> shipped()
{
    auto tiles = geo::CoastTiles::open(
        QStringLiteral(WAKE_SOURCE_DIR "/resources/coast/gshhg-2.3.7-full.wkcoast"));
    EXPECT_TRUE(tiles.ok()) << tiles.error().toString().toStdString();
    return tiles ? *tiles : nullptr;
}

int levelAt(const geo::CoastTiles& tiles, double lat, double lon)
{
    auto level = tiles.levelAt({lat, lon});
    EXPECT_TRUE(level.ok());
    return level ? *level : -1;
}

} // namespace

TEST(CoastTiles, ColonItsBaysAndGatunLakeAreWhereTheyAre)
{
    const auto tiles = shipped();
    ASSERT_TRUE(tiles);
    EXPECT_EQ(levelAt(*tiles, 9.357, -79.899), 1) << "Colón city is land";
    EXPECT_TRUE(geo::isWaterLevel(levelAt(*tiles, 9.392, -79.830))) << "Bahía Las Minas";
    EXPECT_TRUE(geo::isWaterLevel(levelAt(*tiles, 9.350, -79.915))) << "Cristóbal";
    EXPECT_TRUE(geo::isWaterLevel(levelAt(*tiles, 9.20, -79.90))) << "Gatún Lake";
    EXPECT_TRUE(geo::isWaterLevel(levelAt(*tiles, 9.00, -79.595))) << "Miraflores";
    EXPECT_EQ(levelAt(*tiles, 12.0, -78.0), 0) << "the open Caribbean";
    EXPECT_EQ(levelAt(*tiles, -10.0, -50.0), 1) << "inland Brazil (a tile that is all land)";
    EXPECT_FALSE(tiles->hasTile(12, -78));
    EXPECT_TRUE(tiles->hasTile(9, -80));
}

TEST(CoastTiles, TilesAreInflatedOnceAndKept)
{
    const auto tiles = shipped();
    ASSERT_TRUE(tiles);
    auto first = tiles->tile(9, -80);
    auto again = tiles->tile(9, -80);
    ASSERT_TRUE(first.ok() && again.ok());
    EXPECT_EQ(first->get(), again->get());
    EXPECT_GT((*first)->pointCount(), 1000u);
    for (const geo::CoastRing& r : (*first)->rings) {
        for (const model::LatLon& p : r.points) {
            ASSERT_GE(p.latDeg, 9.0);
            ASSERT_LE(p.latDeg, 10.0);
            ASSERT_GE(p.lonDeg, -80.0);
            ASSERT_LE(p.lonDeg, -79.0);
        }
    }
    auto ocean = tiles->tile(12, -78);
    ASSERT_TRUE(ocean.ok());
    EXPECT_TRUE((*ocean)->rings.empty());
}

TEST(CoastTiles, TheGeneratorsFileReadsBackAsItsRings)
{
    // A dump as `gmt coast -M -W` writes it and the corners grdlandmask gives:
    // one tile (bin 29080: 9..10 N, 80..79 W) with a coast from the east
    // border to the south border (land to the south-east) and an island.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile dump(dir.filePath(QStringLiteral("dump.txt")));
    ASSERT_TRUE(dump.open(QIODevice::WriteOnly));
    dump.write("> Shore Bin # 29080, Level 1\n-79\t9.5\n-79.5\t9.5\n-79.5\t9\n"
               "> Shore Bin # 29080, Level 1\n-79.2\t9.8\n-79.1\t9.8\n-79.1\t9.9\n-79.2\t9.8\n");
    dump.close();
    QFile corners(dir.filePath(QStringLiteral("corners.txt")));
    ASSERT_TRUE(corners.open(QIODevice::WriteOnly));
    corners.write("-80\t9\t0\n-79\t9\t1\n-79\t10\t0\n-80\t10\t0\n");
    corners.close();
    const QString out = dir.filePath(QStringLiteral("coast.wkcoast"));
    QProcess tool;
    tool.start(QStringLiteral("python3"),
               {QStringLiteral(WAKE_SOURCE_DIR "/resources/tools/make_coast_tiles.py"), out,
                QStringLiteral("--dump"), dump.fileName(), QStringLiteral("--corners"),
                corners.fileName()});
    ASSERT_TRUE(tool.waitForFinished(60000));
    ASSERT_EQ(tool.exitCode(), 0) << tool.readAllStandardError().toStdString();
    auto tiles = geo::CoastTiles::open(out);
    ASSERT_TRUE(tiles.ok()) << tiles.error().toString().toStdString();
    auto tile = (*tiles)->tile(9, -80);
    ASSERT_TRUE(tile.ok());
    ASSERT_EQ((*tile)->rings.size(), 2u);
    // The coast closed along the border through the south-east corner, which is land.
    EXPECT_EQ(*(*tiles)->levelAt({9.2, -79.2}), 1);
    EXPECT_EQ(*(*tiles)->levelAt({9.2, -79.8}), 0);
    EXPECT_EQ(*(*tiles)->levelAt({9.7, -79.8}), 0);
    EXPECT_EQ(*(*tiles)->levelAt({9.82, -79.12}), 1); // the island
    EXPECT_NEAR((*tile)->rings[1].points[1].lonDeg, -79.1, 1e-4);
}

TEST(CoastTiles, ADamagedFileIsReportedNotRead)
{
    QTemporaryDir dir;
    QFile original(QStringLiteral(WAKE_SOURCE_DIR "/resources/coast/gshhg-2.3.7-full.wkcoast"));
    ASSERT_TRUE(original.open(QIODevice::ReadOnly));
    const QByteArray head = original.read(4096);
    QFile cut(dir.filePath(QStringLiteral("cut.wkcoast")));
    ASSERT_TRUE(cut.open(QIODevice::WriteOnly));
    cut.write(head);
    cut.close();
    auto truncated = geo::CoastTiles::open(cut.fileName());
    ASSERT_FALSE(truncated.ok());
    EXPECT_EQ(truncated.error().code, Error::Code::Damaged);
    EXPECT_TRUE(truncated.error().message.contains(QStringLiteral("damaged")));

    QFile other(dir.filePath(QStringLiteral("other.wkcoast")));
    ASSERT_TRUE(other.open(QIODevice::WriteOnly));
    other.write("this is not a coastline file at all");
    other.close();
    auto wrong = geo::CoastTiles::open(other.fileName());
    ASSERT_FALSE(wrong.ok());
    EXPECT_TRUE(wrong.error().message.contains(QStringLiteral("not a Wake coastline file")));
    EXPECT_FALSE(geo::CoastTiles::open(dir.filePath(QStringLiteral("missing"))).ok());
}
