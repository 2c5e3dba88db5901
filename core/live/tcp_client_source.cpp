#include "core/live/tcp_client_source.h"

namespace wake::live {

TcpClientSource::TcpClientSource(const QString& name, const SourceUrl& url,
                                 const SourceTiming& timing)
    : LiveSource(name, url, timing)
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        if (this->url().kind == SourceUrl::Kind::Gpsd) {
            m_socket.write(R"(?WATCH={"enable":true,"nmea":true})"
                           "\n");
        } else if (const QByteArray login = this->url().loginLines(); !login.isEmpty()) {
            m_socket.write(login); // before any data is read, on every reconnect
        }
        setOpen();
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &TcpClientSource::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &TcpClientSource::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &TcpClientSource::onError);
}

void TcpClientSource::open()
{
    m_socket.abort();
    m_splitter = LineSplitter();
    m_socket.connectToHost(url().host, url().port);
}

void TcpClientSource::close()
{
    if (m_socket.isOpen()) {
        drain();
    }
    m_socket.abort();
}

void TcpClientSource::drain()
{
    // Everything the server sent before it closed is still in the buffer.
    const QByteArray rest = m_socket.readAll();
    deliver(m_splitter, rest.constData(), rest.size());
    endStream(m_splitter);
}

void TcpClientSource::onReadyRead()
{
    char buffer[64 * 1024];
    for (;;) {
        const qint64 n = m_socket.read(buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        deliver(m_splitter, buffer, n);
    }
}

void TcpClientSource::onDisconnected()
{
    fail(QStringLiteral("%1:%2 closed the connection").arg(url().host).arg(url().port));
}

void TcpClientSource::onError(QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::RemoteHostClosedError) {
        return; // disconnected() follows
    }
    fail(QStringLiteral("%1:%2: %3").arg(url().host).arg(url().port).arg(m_socket.errorString()));
}

} // namespace wake::live
