// Compressed and damaged input: a zipped or gzipped day imports the same
// positions as the plain file; a truncated or damaged archive is reported
// with the file (and member), keeps what was read before, and leaves a store
// that opens.

#include "core/io/ais_import.h"
#include "core/reference/port_index.h"
#include "tests/support/marine_cadastre_csv.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <limits>
#include <zip.h>
#include <zlib.h>

using namespace wake;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A zip with the given members (name, bytes), deflated.
bool writeZip(const QString& path, const std::vector<std::pair<QString, QByteArray>>& members)
{
    int error = 0;
    zip_t* zip = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (zip == nullptr) {
        return false;
    }
    // libzip reads the buffers at zip_close: keep them alive until then.
    std::vector<QByteArray> keep;
    for (const auto& [name, bytes] : members) {
        keep.push_back(bytes);
        zip_source_t* source = zip_source_buffer(zip, keep.back().constData(),
                                                 static_cast<zip_uint64_t>(keep.back().size()), 0);
        if (source == nullptr ||
            zip_file_add(zip, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) < 0) {
            zip_discard(zip);
            return false;
        }
    }
    return zip_close(zip) == 0;
}

bool writeGzip(const QString& path, const QByteArray& bytes)
{
    gzFile gz = gzopen(QFile::encodeName(path).constData(), "wb");
    if (gz == nullptr) {
        return false;
    }
    const int n = gzwrite(gz, bytes.constData(), static_cast<unsigned>(bytes.size()));
    return gzclose(gz) == Z_OK && n == bytes.size();
}

std::vector<model::TrackPoint> allPoints(store::Database& db)
{
    std::vector<model::TrackPoint> out;
    const auto vessels = db.listVessels();
    if (!vessels) {
        ADD_FAILURE() << vessels.error().toString().toStdString();
        return out;
    }
    for (const model::Vessel& v : vessels.value()) {
        auto t = db.track(v.id, std::numeric_limits<std::int64_t>::min(),
                          std::numeric_limits<std::int64_t>::max());
        for (auto& p : *t) {
            p.vesselId = static_cast<std::int64_t>(*v.mmsi); // ids differ between stores
            out.push_back(p);
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return std::tie(a.vesselId, a.timeUtcMs) < std::tie(b.vesselId, b.timeUtcMs);
    });
    return out;
}

bool storeIsSound(store::Database& db)
{
    auto bad = db.connection().queryInt(
        QStringLiteral("SELECT count(*) FROM pragma_quick_check WHERE quick_check <> 'ok'"));
    return bad.ok() && *bad == 0;
}

class CompressedImport : public ::testing::Test
{
protected:
    void SetUp() override
    {
        traffic::TrafficOptions options;
        options.vessels = 6;
        options.encounterPairs = 0;
        options.days = 2;
        m_csv = m_dir.filePath(QStringLiteral("day.csv"));
        ASSERT_TRUE(traffic::writeGeneratedTraffic(options, m_csv));
        m_bytes = readAll(m_csv);
        ASSERT_GT(m_bytes.size(), 300000); // about 3,500 rows
    }

    store::Database importInto(const QString& name, const QString& file,
                               Result<io::ImportSummary>* result = nullptr)
    {
        auto db = store::Database::open(m_dir.filePath(name));
        EXPECT_TRUE(db.ok());
        io::ImportOptions options;
        options.batchRows = 20000; // several commits in a small file
        io::AisImporter importer(*db, options);
        auto r = importer.importFile(file);
        if (result) {
            *result = r;
        } else {
            EXPECT_TRUE(r.ok()) << r.error().toString().toStdString();
        }
        return std::move(db).value();
    }

    QTemporaryDir m_dir;
    QString m_csv;
    QByteArray m_bytes;
};

} // namespace

TEST_F(CompressedImport, ZipAndGzipGiveTheSamePositionsAsThePlainFile)
{
    store::Database plain = importInto(QStringLiteral("plain.sqlite"), m_csv);
    const auto expected = allPoints(plain);
    ASSERT_GT(expected.size(), 3000u);

    const QString zip = m_dir.filePath(QStringLiteral("day.zip"));
    ASSERT_TRUE(writeZip(zip, {{QStringLiteral("day.csv"), m_bytes}}));
    store::Database zipped = importInto(QStringLiteral("zip.sqlite"), zip);
    EXPECT_EQ(allPoints(zipped), expected);

    const QString gz = m_dir.filePath(QStringLiteral("day.csv.gz"));
    ASSERT_TRUE(writeGzip(gz, m_bytes));
    store::Database gzipped = importInto(QStringLiteral("gz.sqlite"), gz);
    EXPECT_EQ(allPoints(gzipped), expected);
}

TEST_F(CompressedImport, EveryAisMemberOfAnArchiveIsReadAndOthersAreNamed)
{
    const QByteArray nmea = "\\c:1500000000*5D\\!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n";
    const QString zip = m_dir.filePath(QStringLiteral("two.zip"));
    ASSERT_TRUE(writeZip(zip, {{QStringLiteral("README.txt"), QByteArray("Not AIS.\n")},
                               {QStringLiteral("day.csv"), m_bytes},
                               {QStringLiteral("log/radio.nmea"), nmea}}));
    Result<io::ImportSummary> result = Error{};
    store::Database db = importInto(QStringLiteral("two.sqlite"), zip, &result);
    ASSERT_TRUE(result.ok()) << result.error().toString().toStdString();
    ASSERT_EQ(result->members.size(), 2u);
    EXPECT_EQ(result->members[0].format, io::ImportFormat::MarineCadastreCsv);
    EXPECT_EQ(result->members[1].format, io::ImportFormat::Nmea);
    EXPECT_EQ(result->members[1].positionsStored, 1);
    EXPECT_TRUE(result->note.contains(QStringLiteral("README.txt")));
    EXPECT_EQ(result->positionsStored,
              result->members[0].positionsStored + result->members[1].positionsStored);
    EXPECT_TRUE(io::formatImportSummary(*result).contains(QStringLiteral("two.zip:day.csv")));
}

TEST_F(CompressedImport, ATruncatedZipIsReportedAndTheStoreKeepsWhatItHad)
{
    store::Database db = importInto(QStringLiteral("keep.sqlite"), m_csv);
    const auto before = *db.trackPointCount();
    const QString zip = m_dir.filePath(QStringLiteral("full.zip"));
    ASSERT_TRUE(writeZip(zip, {{QStringLiteral("day.csv"), m_bytes}}));
    const QByteArray whole = readAll(zip);
    const QString cut = m_dir.filePath(QStringLiteral("cut.zip"));
    ASSERT_TRUE(writeBytes(cut, whole.left(whole.size() / 2)));

    io::AisImporter importer(db);
    auto r = importer.importFile(cut);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, cut);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("zip archive")));
    EXPECT_EQ(*db.trackPointCount(), before);
    EXPECT_TRUE(storeIsSound(db));
}

TEST_F(CompressedImport, ADamagedMemberNamesItselfAndNothingOfItIsStored)
{
    const QString zip = m_dir.filePath(QStringLiteral("full.zip"));
    ASSERT_TRUE(writeZip(zip, {{QStringLiteral("day.csv"), m_bytes}}));
    QByteArray bytes = readAll(zip);
    // Flip bytes in the second half of the compressed data (the central
    // directory at the end stays whole).
    for (qsizetype i = bytes.size() * 3 / 4; i < bytes.size() * 3 / 4 + 64; ++i) {
        bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
    }
    const QString damaged = m_dir.filePath(QStringLiteral("damaged.zip"));
    ASSERT_TRUE(writeBytes(damaged, bytes));
    Result<io::ImportSummary> result = io::ImportSummary{};
    store::Database db = importInto(QStringLiteral("damaged.sqlite"), damaged, &result);
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().where.endsWith(QStringLiteral("damaged.zip:day.csv")));
    EXPECT_TRUE(result.error().message.contains(QStringLiteral("day.csv is damaged")));
    EXPECT_TRUE(result.error().message.contains(QStringLiteral("nothing of the archive")));
    EXPECT_EQ(*db.trackPointCount(), 0) << "no row of a member that is damaged at its end";
    EXPECT_TRUE(storeIsSound(db));
}

// Stored (not deflated), one byte of a vessel name changed: every byte reads,
// and only the CRC at the member's end tells. The damaged name once became
// the vessel's name and an identity change.
TEST_F(CompressedImport, AMemberWhoseCrcFailsAtItsEndCommitsNothing)
{
    QByteArray damagedBytes = m_bytes;
    const qsizetype at = damagedBytes.lastIndexOf("TEST VESSEL");
    ASSERT_GT(at, 0);
    damagedBytes[at] = 'X'; // "XEST VESSEL": what a flipped bit makes
    int error = 0;
    const QString path = m_dir.filePath(QStringLiteral("crc.zip"));
    {
        const QString good = m_dir.filePath(QStringLiteral("stored.zip"));
        zip_t* zip =
            zip_open(QFile::encodeName(good).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
        ASSERT_NE(zip, nullptr);
        zip_source_t* source = zip_source_buffer(zip, m_bytes.constData(),
                                                 static_cast<zip_uint64_t>(m_bytes.size()), 0);
        const zip_int64_t index = zip_file_add(zip, "day.csv", source, ZIP_FL_ENC_UTF_8);
        ASSERT_GE(index, 0);
        ASSERT_EQ(zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0),
                  0);
        ASSERT_EQ(zip_close(zip), 0);
        QByteArray archive = readAll(good);
        const qsizetype inArchive = archive.indexOf(m_bytes.mid(at, 40));
        ASSERT_GT(inArchive, 0) << "stored members keep their bytes as they are";
        archive[inArchive] = 'X';
        ASSERT_TRUE(writeBytes(path, archive));
    }
    Result<io::ImportSummary> result = io::ImportSummary{};
    store::Database db = importInto(QStringLiteral("crc.sqlite"), path, &result);
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().message.contains(QStringLiteral("(found at its end)")))
        << result.error().message.toStdString();
    EXPECT_EQ(*db.trackPointCount(), 0);
    const auto vessels = db.listVessels();
    ASSERT_TRUE(vessels.ok());
    for (const auto& v : *vessels) {
        EXPECT_FALSE(v.name.value_or(QString()).startsWith(QStringLiteral("XEST")))
            << "damaged name";
    }
    auto history = db.observedIdentityHistory();
    ASSERT_TRUE(history.ok());
    EXPECT_TRUE(history->empty());
    EXPECT_TRUE(storeIsSound(db));
}

TEST_F(CompressedImport, ATruncatedGzipKeepsTheRowsBeforeTheCut)
{
    const QString gz = m_dir.filePath(QStringLiteral("day.csv.gz"));
    ASSERT_TRUE(writeGzip(gz, m_bytes));
    const QByteArray whole = readAll(gz);
    const QString cut = m_dir.filePath(QStringLiteral("cut.csv.gz"));
    ASSERT_TRUE(writeBytes(cut, whole.left(whole.size() / 2)));
    Result<io::ImportSummary> result = io::ImportSummary{};
    store::Database db = importInto(QStringLiteral("cut.sqlite"), cut, &result);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().where, cut);
    EXPECT_TRUE(result.error().message.contains(QStringLiteral("gzip")));
    const auto stored = *db.trackPointCount();
    EXPECT_GT(stored, 1000);
    EXPECT_LT(stored, static_cast<std::int64_t>(m_bytes.count('\n')));
    EXPECT_TRUE(storeIsSound(db));
}

TEST_F(CompressedImport, ACsvWhoseMiddleIsGarbageKeepsEveryGoodRowAndCountsTheBadOnes)
{
    store::Database clean = importInto(QStringLiteral("clean.sqlite"), m_csv);
    const auto all = *clean.trackPointCount();
    // 200 lines of binary noise in the middle of the file.
    QByteArray noisy = m_bytes;
    const qsizetype middle = noisy.indexOf('\n', noisy.size() / 2) + 1;
    QByteArray noise;
    std::uint32_t x = 12345;
    for (int line = 0; line < 200; ++line) {
        noise.append('X'); // not '#': a comment line is skipped, not rejected
        for (int i = 0; i < 90; ++i) {
            x = x * 1664525u + 1013904223u;
            const char c = static_cast<char>(x >> 24);
            noise.append(c == '\n' ? ' ' : c);
        }
        noise.append('\n');
    }
    noisy.insert(middle, noise);
    const QString path = m_dir.filePath(QStringLiteral("noisy.csv"));
    ASSERT_TRUE(writeBytes(path, noisy));
    Result<io::ImportSummary> result = io::ImportSummary{};
    store::Database db = importInto(QStringLiteral("noisy.sqlite"), path, &result);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(*db.trackPointCount(), all);
    EXPECT_EQ(result->csv.rejected(), 200);
    EXPECT_TRUE(storeIsSound(db));
}
