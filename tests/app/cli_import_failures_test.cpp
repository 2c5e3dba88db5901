// wake import when things go wrong at scale: the process killed at any
// moment, a disk that fills up, a read-only database. Each gives a clear
// error naming the file, keeps what was committed, and leaves a store that
// opens. The disk and the read-only folder are made in a private mount
// namespace (unshare), so nothing outside the test is touched.

#include "core/reference/port_index.h"
#include "core/store/database.h"
#include "tests/app/cli_fixture.h"
#include "tests/support/marine_cadastre_csv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QThread>

#include <csignal>

using namespace wake;
using wake::test::Cli;
using wake::test::ProcessResult;

namespace {

class ImportFailures : public Cli
{
protected:
    void SetUp() override
    {
        traffic::TrafficOptions options;
        options.vessels = 300;
        options.encounterPairs = 0;
        options.days = 3;
        options.fixMinutes = 2;
        m_csv = m_dir.filePath(QStringLiteral("day.csv"));
        const auto traffic = traffic::writeGeneratedTraffic(options, m_csv);
        ASSERT_TRUE(traffic);
        m_rows = traffic->pointCount();
    }

    // Runs a shell script in a private user and mount namespace, where it may mount.
    ProcessResult inNamespace(const QString& script)
    {
        return run(QStringLiteral("unshare"),
                   {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"), script});
    }
    bool namespacesWork()
    {
        return inNamespace(QStringLiteral("mount -t tmpfs none %1").arg(m_dir.path())).exitCode ==
               0;
    }
    // "positions: R read, S stored, D already stored" from an import summary.
    static std::int64_t figure(const QString& text, const QString& label)
    {
        const auto m = QRegularExpression(QStringLiteral("([0-9,]+) %1").arg(label)).match(text);
        return m.hasMatch() ? m.captured(1).remove(QLatin1Char(',')).toLongLong() : -1;
    }

    QString m_csv;
    std::int64_t m_rows = 0;
};

} // namespace

TEST_F(ImportFailures, KilledAtAnyMomentTheStoreKeepsItsBatchesAndReimportCompletesIt)
{
    ASSERT_GT(m_rows, 500000); // about a second of import
    const QString db = m_dir.filePath(QStringLiteral("killed.sqlite"));
    // The store with its scenario first, so the kills land in the import.
    ASSERT_EQ(wake({QStringLiteral("vessels"), QStringLiteral("--db"), db}, false).exitCode, 0);
    std::int64_t storedBefore = 0;
    for (int kill = 0; kill < 2; ++kill) {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(WAKE_BINARY),
                {QStringLiteral("import"), m_csv, QStringLiteral("--db"), db,
                 QStringLiteral("--batch-rows"), QStringLiteral("3000"),
                 QStringLiteral("--no-analysis")});
        ASSERT_TRUE(p.waitForStarted());
        // Kill it once it has committed more than before (a second
        // connection reads the store meanwhile), whatever the machine's speed.
        QElapsedTimer waited;
        waited.start();
        std::int64_t stored = storedBefore;
        while (stored <= storedBefore && waited.elapsed() < 30000 &&
               p.state() == QProcess::Running) {
            QThread::msleep(20);
            if (auto reader = store::Database::open(db)) {
                if (auto count = reader->trackPointCount()) {
                    stored = *count;
                }
            }
        }
        ASSERT_EQ(p.state(), QProcess::Running) << "the import ended before it could be killed";
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        ASSERT_TRUE(p.waitForFinished(10000));
        EXPECT_EQ(p.exitStatus(), QProcess::CrashExit);
        storedBefore = stored;
        // The store opens and reads after each kill.
        const ProcessResult vessels =
            wake({QStringLiteral("vessels"), QStringLiteral("--db"), db}, false);
        EXPECT_EQ(vessels.exitCode, 0) << vessels.err.toStdString();
    }
    const ProcessResult again = wake({QStringLiteral("import"), m_csv, QStringLiteral("--db"), db,
                                      QStringLiteral("--no-analysis")},
                                     false);
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    const std::int64_t stored = figure(again.err, QStringLiteral("stored"));
    const std::int64_t already =
        std::max<std::int64_t>(0, figure(again.err, QStringLiteral("already stored")));
    EXPECT_GT(already, 0); // the batches committed before the kills stayed
    EXPECT_EQ(stored + already, m_rows) << again.err.toStdString();
}

TEST_F(ImportFailures, AFullDiskIsReportedAndTheStoreStillOpens)
{
    if (!namespacesWork()) {
        GTEST_SKIP() << "this machine does not allow a private mount namespace (unshare -rm)";
    }
    const QString dir = m_dir.filePath(QStringLiteral("small"));
    QDir().mkpath(dir);
    const ProcessResult r = inNamespace(
        QStringLiteral("mount -t tmpfs -o size=8m none '%1' && '%2' import '%3' --db '%1/x.sqlite' "
                       "--batch-rows 2000 --no-analysis; echo \"import exit $?\"; "
                       "'%2' vessels --db '%1/x.sqlite' >/dev/null; echo \"vessels exit $?\"")
            .arg(dir, QStringLiteral(WAKE_BINARY), m_csv));
    EXPECT_TRUE(r.out.contains(QStringLiteral("import exit 1")))
        << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(dir + QStringLiteral("/x.sqlite: the disk is full")))
        << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("vessels exit 0"))) << r.err.toStdString();
}

TEST_F(ImportFailures, AReadOnlyDatabaseIsReportedAndLeftAsItWas)
{
    if (!namespacesWork()) {
        GTEST_SKIP() << "this machine does not allow a private mount namespace (unshare -rm)";
    }
    const QString dir = m_dir.filePath(QStringLiteral("archive"));
    QDir().mkpath(dir);
    const QString db = dir + QStringLiteral("/x.sqlite");
    ASSERT_EQ(wake({QStringLiteral("import"), m_csv, QStringLiteral("--db"), db,
                    QStringLiteral("--no-analysis")},
                   false)
                  .exitCode,
              0);
    const QString before = wake({QStringLiteral("vessels"), QStringLiteral("--db"), db}, false).out;
    const ProcessResult r = inNamespace(
        QStringLiteral("mount --bind '%1' '%1' && mount -o remount,ro,bind '%1' && "
                       "'%2' import '%3' --db '%4' --no-analysis; echo \"import exit $?\"")
            .arg(dir, QStringLiteral(WAKE_BINARY), m_csv, db));
    EXPECT_TRUE(r.out.contains(QStringLiteral("import exit 1"))) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains(db + QStringLiteral(": the database cannot be written")))
        << r.err.toStdString();
    // Reading needs no writing: the commands that only read work on it as it is.
    const ProcessResult read =
        inNamespace(QStringLiteral("mount --bind '%1' '%1' && mount -o remount,ro,bind '%1' && "
                                   "'%2' vessels --db '%3' && '%2' events --db '%3' >/dev/null && "
                                   "echo \"read exit $?\"")
                        .arg(dir, QStringLiteral(WAKE_BINARY), db));
    EXPECT_TRUE(read.out.contains(QStringLiteral("read exit 0"))) << read.err.toStdString();
    EXPECT_TRUE(read.out.startsWith(before)) << read.out.toStdString();
    const ProcessResult after =
        wake({QStringLiteral("vessels"), QStringLiteral("--db"), db}, false);
    EXPECT_EQ(after.exitCode, 0);
    EXPECT_EQ(after.out, before);
}
