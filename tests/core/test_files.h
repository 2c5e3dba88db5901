#pragma once

// Temporary files and byte-level helpers for tests.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace wake::test {

inline QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace wake::test
