#pragma once

// Temporary files and byte-level helpers for tests.

#include "core/model/track_point.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace wake::test {

// An AIS fix with only its vessel, time and place.
inline model::TrackPoint fixAt(std::int64_t vessel, std::int64_t timeUtcMs, double lat, double lon)
{
    model::TrackPoint p;
    p.vesselId = vessel;
    p.timeUtcMs = timeUtcMs;
    p.latDeg = lat;
    p.lonDeg = lon;
    return p;
}

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

// count copies of one AIS sentence (with its line end), each under an NMEA 4.0
// tag block whose c: time is firstUnixSeconds plus its index: a receiver's
// log with one position per second.
inline QByteArray taggedSentences(const QByteArray& sentence, int count,
                                  qint64 firstUnixSeconds = 1500000000, int secondsApart = 1)
{
    QByteArray out;
    out.reserve(count * (sentence.size() + 24));
    for (int i = 0; i < count; ++i) {
        const QByteArray tag =
            "c:" + QByteArray::number(firstUnixSeconds + static_cast<qint64>(i) * secondsApart);
        unsigned sum = 0;
        for (const char c : tag) {
            sum ^= static_cast<unsigned char>(c);
        }
        out += "\\" + tag + "*" + QByteArray::number(sum, 16).toUpper().rightJustified(2, '0') +
               "\\" + sentence;
    }
    return out;
}

} // namespace wake::test
