#pragma once

// Shared by the live tests: a Qt event loop to run sockets in, bounded
// waits, and generated position sentences.

#include "tests/support/ais_sentence_writer.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <functional>
#include <string>
#include <vector>

namespace wake::testing {

inline void ensureCoreApplication()
{
    if (QCoreApplication::instance() == nullptr) {
        static int argc = 1;
        static char name[] = "wake_live_tests";
        static char* argv[] = {name, nullptr};
        static QCoreApplication app(argc, argv);
    }
}

// Runs the event loop until done() or timeoutMs; returns done().
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 10'000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return done();
}

// count position sentences of vessels mmsiBase, mmsiBase + 1, ... (one
// report each, round r of each vessel where there are more lines than vessels).
inline std::vector<std::string> positionLines(int count, std::uint32_t mmsiBase, int vessels = 0,
                                              int round0 = 0)
{
    if (vessels <= 0) {
        vessels = count;
    }
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) {
        PositionReport r;
        r.mmsi = mmsiBase + static_cast<std::uint32_t>(i % vessels);
        const int round = round0 + i / vessels;
        r.latDeg = 9.0 + 0.001 * (i % vessels % 50000); // valid for up to 50,000 vessels
        r.lonDeg = -79.9 + 0.001 * round;
        r.sogKnots = 10.0 + 0.1 * (i % 7);
        r.cogDeg = 45.0;
        r.headingDeg = 44;
        r.second = round % 60;
        out.push_back(positionSentence(r, (i & 1) ? 'B' : 'A'));
    }
    return out;
}

inline QByteArray joined(const std::vector<std::string>& lines, const char* end = "\r\n")
{
    QByteArray out;
    for (const std::string& l : lines) {
        out += QByteArray::fromStdString(l);
        out += end;
    }
    return out;
}

} // namespace wake::testing
