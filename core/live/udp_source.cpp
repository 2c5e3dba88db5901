#include "core/live/udp_source.h"

#include <QTimer>
#include <QVariant>

#include <algorithm>

namespace wake::live {

UdpSource::UdpSource(const QString& name, const SourceUrl& url, const SourceTiming& timing)
    : LiveSource(name, url, timing)
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &UdpSource::onReadyRead);
}

void UdpSource::open()
{
    const QHostAddress address =
        url().host.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(url().host);
    if (address.isNull()) {
        fail(QStringLiteral("'%1' is not an address of this machine").arg(url().host));
        return;
    }
    if (!m_socket.bind(address, url().port)) {
        fail(QStringLiteral("cannot listen on UDP port %1: %2")
                 .arg(url().port)
                 .arg(m_socket.errorString()));
        return;
    }
    // Bursts at thousands of datagrams a second must not overflow the
    // kernel's default buffer while a commit runs.
    m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption,
                             QVariant(8 * 1024 * 1024));
    setOpen();
}

void UdpSource::close()
{
    m_socket.close();
}

void UdpSource::onReadyRead()
{
    // At most kMaxBytesPerTurn a turn of the event loop: a flood must leave
    // room for the commits, the clock of --for and Ctrl-C. What is left
    // waits in the kernel's buffer (which drops, and counts, the excess).
    qint64 budget = kMaxBytesPerTurn;
    while (m_socket.hasPendingDatagrams()) {
        if (budget <= 0) {
            if (!m_continuePending) {
                m_continuePending = true;
                QTimer::singleShot(0, this, [this] {
                    m_continuePending = false;
                    onReadyRead();
                });
            }
            return;
        }
        const qint64 size = m_socket.pendingDatagramSize();
        m_buffer.resize(std::max<qint64>(size, 1));
        const qint64 n = m_socket.readDatagram(m_buffer.data(), m_buffer.size());
        if (n < 0) {
            noteError(m_socket.errorString());
            break;
        }
        budget -= std::max<qint64>(n, 1);
        // A datagram is complete: its last sentence needs no line end.
        deliver(m_splitter, m_buffer.constData(), n);
        endStream(m_splitter);
    }
}

} // namespace wake::live
