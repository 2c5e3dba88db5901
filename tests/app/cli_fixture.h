#pragma once

// Runs the wake executable as a real process with its own home folder and
// database, for the command-line tests.

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace wake::test {

struct ProcessResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

class Cli : public ::testing::Test
{
protected:
    ProcessResult wake(QStringList args, bool withDb = true)
    {
        if (withDb) {
            args << QStringLiteral("--db") << m_dir.filePath(QStringLiteral("cli.sqlite"));
            if (m_scenario) {
                args << QStringLiteral("--scenario");
            }
        }
        return run(QStringLiteral(WAKE_BINARY), args);
    }
    // Any program (a shell around wake, for example), with wake's environment.
    ProcessResult run(const QString& program, const QStringList& args)
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(program, args);
        EXPECT_TRUE(p.waitForFinished(60000));
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path()); // never touch the real user database
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        return env;
    }
    QTemporaryDir m_dir;
    // The test's database gets the built-in scenario (a database given by
    // --db is empty unless asked).
    bool m_scenario = false;
};

inline QJsonArray jsonArray(const QString& text)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << text.left(200).toStdString();
    return doc.array();
}

} // namespace wake::test
