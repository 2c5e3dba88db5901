// wake import from what cannot be opened twice: standard input, a FIFO and
// bash's <(...). Each once lost the first block of its data (format
// detection opened it again), a CSV on standard input failed, and a FIFO was
// "not an AIS file" while its writer died of SIGPIPE. Each must now store
// exactly what importing the same file stores.

#include "tests/app/cli_fixture.h"
#include "tests/support/marine_cadastre_csv.h"

#include <QFile>
#include <QRegularExpression>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace wake;
using wake::test::Cli;
using wake::test::ProcessResult;

namespace {

class ImportPipes : public Cli
{
protected:
    void SetUp() override
    {
        traffic::TrafficOptions options;
        options.vessels = 60;
        options.encounterPairs = 0;
        options.days = 1;
        options.fixMinutes = 5;
        m_csv = m_dir.filePath(QStringLiteral("day.csv"));
        ASSERT_TRUE(traffic::writeGeneratedTraffic(options, m_csv));
        ASSERT_GT(QFile(m_csv).size(), 1 << 20) << "more than the first block detection reads";
        const ProcessResult direct = importInto({m_csv}, QStringLiteral("direct.sqlite"));
        ASSERT_EQ(direct.exitCode, 0) << direct.err.toStdString();
        m_stored = stored(direct.out + direct.err);
        ASSERT_GT(m_stored, 10000);
    }
    ProcessResult importInto(const QStringList& args, const QString& db)
    {
        return wake(QStringList{QStringLiteral("import"), QStringLiteral("--no-analysis")} + args +
                        QStringList{QStringLiteral("--db"), m_dir.filePath(db)},
                    false);
    }
    static long stored(const QString& summary)
    {
        static const QRegularExpression re(QStringLiteral("([\\d,]+) read, ([\\d,]+) stored"));
        const auto m = re.match(summary);
        return m.hasMatch() ? m.captured(2).remove(QLatin1Char(',')).toLong() : -1;
    }
    QString m_csv;
    long m_stored = 0;
};

} // namespace

TEST_F(ImportPipes, StandardInputStoresWhatTheFileStores)
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.setStandardInputFile(m_csv);
    p.start(QStringLiteral(WAKE_BINARY),
            {QStringLiteral("import"), QStringLiteral("--no-analysis"), QStringLiteral("-"),
             QStringLiteral("--db"), m_dir.filePath("stdin.sqlite")});
    ASSERT_TRUE(p.waitForFinished(120000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    EXPECT_EQ(p.exitCode(), 0) << out.toStdString();
    EXPECT_EQ(stored(out), m_stored) << out.toStdString();

    QProcess gz;
    gz.setProcessEnvironment(environment());
    gz.start(QStringLiteral("bash"),
             {QStringLiteral("-c"),
              QStringLiteral("gzip -c '%1' | '%2' import --no-analysis - --db '%3'")
                  .arg(m_csv, QStringLiteral(WAKE_BINARY), m_dir.filePath("gz.sqlite"))});
    ASSERT_TRUE(gz.waitForFinished(120000));
    const QString gzOut = QString::fromUtf8(gz.readAllStandardOutput() + gz.readAllStandardError());
    EXPECT_EQ(gz.exitCode(), 0) << gzOut.toStdString();
    EXPECT_EQ(stored(gzOut), m_stored) << "gzip on standard input: " << gzOut.toStdString();

    QProcess empty;
    empty.setProcessEnvironment(environment());
    empty.setStandardInputFile(QProcess::nullDevice());
    empty.start(QStringLiteral(WAKE_BINARY),
                {QStringLiteral("import"), QStringLiteral("--no-analysis"), QStringLiteral("-"),
                 QStringLiteral("--db"), m_dir.filePath("e.sqlite")});
    ASSERT_TRUE(empty.waitForFinished(60000));
    EXPECT_EQ(empty.exitCode(), 1);
    EXPECT_TRUE(QString::fromUtf8(empty.readAllStandardError()).contains(QStringLiteral("empty")));
}

TEST_F(ImportPipes, AFifoIsReadOnceAndItsWriterFinishes)
{
    const QString fifo = m_dir.filePath(QStringLiteral("feed.fifo"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QFile source(m_csv);
    ASSERT_TRUE(source.open(QIODevice::ReadOnly));
    const QByteArray bytes = source.readAll();
    std::signal(SIGPIPE, SIG_IGN); // a reader that quits early is a failed write, not a death
    qint64 written = -1;
    std::thread writer([&] {
        const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY);
        if (fd < 0) {
            return;
        }
        written = 0;
        while (written < bytes.size()) {
            const ssize_t n = ::write(fd, bytes.constData() + written,
                                      static_cast<std::size_t>(bytes.size() - written));
            if (n <= 0) {
                break;
            }
            written += n;
        }
        ::close(fd);
    });
    const ProcessResult r = importInto({fifo}, QStringLiteral("fifo.sqlite"));
    writer.join();
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(written, bytes.size()) << "the writer wrote everything (no SIGPIPE)";
    EXPECT_EQ(stored(r.out + r.err), m_stored) << (r.out + r.err).toStdString();
}

TEST_F(ImportPipes, ProcessSubstitutionIsReadOnce)
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral("bash"),
            {QStringLiteral("-c"),
             QStringLiteral("'%1' import --no-analysis <(cat '%2') --db '%3'")
                 .arg(QStringLiteral(WAKE_BINARY), m_csv, m_dir.filePath("sub.sqlite"))});
    ASSERT_TRUE(p.waitForFinished(120000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    EXPECT_EQ(p.exitCode(), 0) << out.toStdString();
    EXPECT_EQ(stored(out), m_stored) << out.toStdString();
}
