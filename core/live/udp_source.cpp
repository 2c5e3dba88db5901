#include "live/udp_source.h"

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
    while (m_socket.hasPendingDatagrams()) {
        const qint64 size = m_socket.pendingDatagramSize();
        m_buffer.resize(std::max<qint64>(size, 1));
        const qint64 n = m_socket.readDatagram(m_buffer.data(), m_buffer.size());
        if (n < 0) {
            noteError(m_socket.errorString());
            break;
        }
        // A datagram is complete: its last sentence needs no line end.
        deliver(m_splitter, m_buffer.constData(), n);
        endStream(m_splitter);
    }
}

} // namespace wake::live
