#pragma once

// One live source: a connection, port or file that delivers NMEA lines.
//
// Each source moves through connecting -> live -> stalled -> waiting. A
// socket that closes or fails waits (1 s, doubling up to 2 min) and connects
// again; a socket that stays open but delivers nothing for noDataTimeoutMs
// is stalled, and a connecting source is then closed and tried again. Lines
// go to the handler with the time they arrived; a last line the sender
// wrote before closing is delivered too. Sources run in the thread of their
// owner and never block it.

#include "core/live/line_splitter.h"
#include "core/live/source_url.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

namespace wake::live {

enum class SourceState
{
    Connecting, // opening, connecting or binding
    Live,       // open, and data arrived within the no-data timeout
    Stalled,    // open, but nothing arrived within the timeout
    Waiting,    // closed after a failure; reconnects when the backoff ends
    Stopped,    // disabled by the user
};

QString toString(SourceState state);

struct SourceTiming
{
    int firstBackoffMs = 1000;
    int maxBackoffMs = 120'000;
    int noDataTimeoutMs = 60'000;
    int filePollMs = 250;
};

struct SourceCounters
{
    std::int64_t bytes = 0;
    std::int64_t lines = 0;
    std::int64_t reconnects = 0; // connections made after the first
    std::int64_t errors = 0;
    std::int64_t stalls = 0;
    std::int64_t lastDataUtcMs = 0; // 0: nothing yet
    QString lastError;
};

class LiveSource : public QObject
{
    Q_OBJECT
public:
    using LineHandler = std::function<void(std::string_view line, std::int64_t receiveUtcMs)>;

    static std::unique_ptr<LiveSource> create(const QString& name, const SourceUrl& url,
                                              const SourceTiming& timing);

    ~LiveSource() override;

    const QString& name() const { return m_name; }
    const SourceUrl& url() const { return m_url; }
    SourceState state() const { return m_state; }
    const SourceCounters& counters() const { return m_counters; }
    void setLineHandler(LineHandler handler) { m_onLine = std::move(handler); }

    void start();
    void stop();

Q_SIGNALS:
    void stateChanged(wake::live::SourceState state);

protected:
    LiveSource(const QString& name, const SourceUrl& url, const SourceTiming& timing);

    // Opens the connection, port or file; reports through the calls below.
    virtual void open() = 0;
    // Closes everything; no more data is delivered.
    virtual void close() = 0;
    // Whether a stalled source should be closed and opened again (a client
    // connection can be; a listening port or a file just waits for data).
    virtual bool reopensWhenStalled() const { return true; }

    // Bytes of one stream; a stream's own splitter keeps its partial line.
    void deliver(LineSplitter& splitter, const char* data, qsizetype size);
    // The stream ended: its last partial line is delivered.
    void endStream(LineSplitter& splitter);
    void setOpen();                       // connected, bound or opened
    void fail(const QString& error);      // closes and waits for the backoff
    void noteError(const QString& error); // counted, but the source goes on
    const SourceTiming& timing() const { return m_timing; }

private:
    void setState(SourceState state);
    void onWatchdog();
    void reopen();

    QString m_name;
    SourceUrl m_url;
    SourceTiming m_timing;
    SourceState m_state = SourceState::Stopped;
    SourceCounters m_counters;
    LineHandler m_onLine;
    QTimer m_watchdog;
    QTimer m_retry;
    int m_backoffMs = 0;
    bool m_everOpened = false;
    bool m_dataSinceOpen = false;
};

} // namespace wake::live
