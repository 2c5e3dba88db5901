// wake report as a user runs it: the PDF read back with pdftotext holds the
// vessel, its list match, its events and its sources; the HTML is one file.

#include "tests/app/cli_fixture.h"

#include <QFile>
#include <QRegularExpression>

using namespace wake::test;

#ifdef WAKE_HAS_GUI // the report draws its map with the map renderer

TEST_F(Cli, TheScenarioReportReadsBackWithItsMatchEventsAndSources)
{
    m_scenario = true;
    const QString pdf = m_dir.filePath(QStringLiteral("ccg.pdf"));
    const ProcessResult made = wake({QStringLiteral("report"), QStringLiteral("--out"), pdf});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    const ProcessResult text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    ASSERT_EQ(text.exitCode, 0) << "pdftotext (poppler-utils) is needed: "
                                << text.err.toStdString();
    // pdftotext breaks lines where the page does: compare words, not lines.
    const QString words = text.out.simplified();
    for (const char* expected :
         {"Chong Chon Gang",
          "On the OFAC SDN list (DPRK) as of 3 May 2024: entry 17069, matched by IMO 7937317",
          "Seizure: Manzanillo International Terminal", "Departure: Puerto Padre, Cuba",
          "89.0 days in all, the longest 49.0 days", "What AIS can and cannot show",
          "OFAC SDN list as of 3 May 2024"}) {
        EXPECT_TRUE(words.contains(QString::fromUtf8(expected))) << expected;
    }
    // Every source is listed with its link.
    EXPECT_GE(words.count(QRegularExpression(QStringLiteral("\\[S\\d+\\] .*?https?://"))), 1);
    EXPECT_GE(text.out.count(QStringLiteral("https://")), 50);

    const QString html = m_dir.filePath(QStringLiteral("ccg.html"));
    ASSERT_EQ(wake({QStringLiteral("report"), QStringLiteral("--out"), html}).exitCode, 0);
    QFile f(html);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(f.readAll());
    EXPECT_TRUE(page.contains(QStringLiteral("entry 17069, matched by IMO 7937317")));
    EXPECT_TRUE(page.contains(QStringLiteral("src='data:image/png;base64,")));
    // Self-contained: no image, style or script fetched from elsewhere.
    EXPECT_FALSE(page.contains(QRegularExpression(QStringLiteral("src=['\"](?!data:)"))));

    const ProcessResult wrong = wake({QStringLiteral("report"), QStringLiteral("--out"),
                                      m_dir.filePath(QStringLiteral("x.docx"))});
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("x.docx"))));
}

#else

TEST_F(Cli, AReportWithoutTheWindowSaysWhy)
{
    const ProcessResult run = wake({QStringLiteral("report"), QStringLiteral("--out"),
                                    m_dir.filePath(QStringLiteral("r.pdf"))});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QStringLiteral("WAKE_BUILD_GUI=OFF"))) << run.err.toStdString();
}

#endif
