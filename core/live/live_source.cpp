#include "core/live/live_source.h"

#include "core/live/file_follow_source.h"
#include "core/live/serial_source.h"
#include "core/live/tcp_client_source.h"
#include "core/live/tcp_listen_source.h"
#include "core/live/udp_source.h"

#include <QDateTime>

#include <algorithm>

namespace wake::live {

QString toString(SourceState state)
{
    switch (state) {
    case SourceState::Connecting:
        return QStringLiteral("connecting");
    case SourceState::Live:
        return QStringLiteral("live");
    case SourceState::Stalled:
        return QStringLiteral("stalled");
    case SourceState::Waiting:
        return QStringLiteral("waiting");
    case SourceState::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

std::unique_ptr<LiveSource> LiveSource::create(const QString& name, const SourceUrl& url,
                                               const SourceTiming& timing)
{
    switch (url.kind) {
    case SourceUrl::Kind::TcpClient:
    case SourceUrl::Kind::Gpsd:
        return std::make_unique<TcpClientSource>(name, url, timing);
    case SourceUrl::Kind::TcpListen:
        return std::make_unique<TcpListenSource>(name, url, timing);
    case SourceUrl::Kind::Udp:
        return std::make_unique<UdpSource>(name, url, timing);
    case SourceUrl::Kind::Serial:
        return std::make_unique<SerialSource>(name, url, timing);
    case SourceUrl::Kind::File:
        return std::make_unique<FileFollowSource>(name, url, timing);
    }
    return nullptr;
}

LiveSource::LiveSource(const QString& name, const SourceUrl& url, const SourceTiming& timing)
    : m_name(name), m_url(url), m_timing(timing), m_backoffMs(timing.firstBackoffMs)
{
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(m_timing.noDataTimeoutMs);
    connect(&m_watchdog, &QTimer::timeout, this, &LiveSource::onWatchdog);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &LiveSource::reopen);
}

LiveSource::~LiveSource() = default;

void LiveSource::start()
{
    if (m_state != SourceState::Stopped) {
        return;
    }
    m_backoffMs = m_timing.firstBackoffMs;
    reopen();
}

void LiveSource::stop()
{
    m_retry.stop();
    m_watchdog.stop();
    const bool isOpen = m_state != SourceState::Stopped && m_state != SourceState::Waiting;
    // Stopped first: the disconnect that closing causes is not a failure.
    setState(SourceState::Stopped);
    if (isOpen) {
        close();
    }
}

void LiveSource::reopen()
{
    setState(SourceState::Connecting);
    m_dataSinceOpen = false;
    m_watchdog.start(); // a connect that hangs is caught too
    open();
}

void LiveSource::setOpen()
{
    if (m_everOpened) {
        ++m_counters.reconnects;
    }
    m_everOpened = true;
    setState(SourceState::Live);
    m_watchdog.start();
}

void LiveSource::deliver(LineSplitter& splitter, const char* data, qsizetype size)
{
    if (size <= 0) {
        return;
    }
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    m_counters.bytes += size;
    m_counters.lastDataUtcMs = now;
    if (!m_dataSinceOpen) {
        m_dataSinceOpen = true;
        m_backoffMs = m_timing.firstBackoffMs; // data flows: the next failure starts over
    }
    if (m_state == SourceState::Stalled || m_state == SourceState::Connecting) {
        setState(SourceState::Live);
    }
    m_watchdog.start();
    splitter.feed(data, size, [&](std::string_view line) {
        ++m_counters.lines;
        if (m_onLine) {
            m_onLine(line, now);
        }
    });
}

void LiveSource::endStream(LineSplitter& splitter)
{
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    splitter.flush([&](std::string_view line) {
        ++m_counters.lines;
        if (m_onLine) {
            m_onLine(line, now);
        }
    });
}

void LiveSource::noteError(const QString& error)
{
    ++m_counters.errors;
    m_counters.lastError = error;
}

void LiveSource::fail(const QString& error)
{
    if (m_state == SourceState::Stopped || m_state == SourceState::Waiting) {
        return;
    }
    noteError(error);
    m_watchdog.stop();
    // Waiting first: a disconnect that closing causes does not fail again.
    setState(SourceState::Waiting);
    close();
    m_retry.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, m_timing.maxBackoffMs);
}

void LiveSource::onWatchdog()
{
    if (m_state == SourceState::Connecting) {
        fail(QStringLiteral("no connection after %1 s").arg(m_timing.noDataTimeoutMs / 1000.0));
        return;
    }
    if (m_state != SourceState::Live) {
        return;
    }
    ++m_counters.stalls;
    setState(SourceState::Stalled);
    if (reopensWhenStalled()) {
        fail(QStringLiteral("no data for %1 s").arg(m_timing.noDataTimeoutMs / 1000.0));
    }
}

void LiveSource::setState(SourceState state)
{
    if (state == m_state) {
        return;
    }
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace wake::live
