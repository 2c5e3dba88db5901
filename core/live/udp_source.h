#pragma once

// udp://[HOST]:PORT: each datagram holds one or more whole sentences.

#include "core/live/live_source.h"

#include <QUdpSocket>

namespace wake::live {

class UdpSource : public LiveSource
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxBytesPerTurn = 1 << 20;

    UdpSource(const QString& name, const SourceUrl& url, const SourceTiming& timing);

protected:
    void open() override;
    void close() override;
    bool reopensWhenStalled() const override { return false; }

private:
    void onReadyRead();

    QUdpSocket m_socket;
    LineSplitter m_splitter;
    QByteArray m_buffer;
    bool m_continuePending = false;
};

} // namespace wake::live
