#include "core/live/tcp_listen_source.h"

#include <QHostAddress>

namespace wake::live {

namespace {

QHostAddress bindAddress(const QString& host)
{
    return host.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(host);
}

} // namespace

TcpListenSource::TcpListenSource(const QString& name, const SourceUrl& url,
                                 const SourceTiming& timing)
    : LiveSource(name, url, timing)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpListenSource::onNewConnection);
}

TcpListenSource::~TcpListenSource()
{
    close();
}

void TcpListenSource::open()
{
    const QHostAddress address = bindAddress(url().host);
    if (address.isNull()) {
        fail(QStringLiteral("'%1' is not an address of this machine").arg(url().host));
        return;
    }
    if (!m_server.listen(address, url().port)) {
        fail(QStringLiteral("cannot listen on port %1: %2")
                 .arg(url().port)
                 .arg(m_server.errorString()));
        return;
    }
    setOpen();
}

void TcpListenSource::close()
{
    while (!m_connections.empty()) {
        closeConnection(m_connections.begin()->first);
    }
    m_server.close();
}

void TcpListenSource::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        m_connections.emplace(socket, LineSplitter());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            read(socket);
            closeConnection(socket);
        });
    }
}

void TcpListenSource::read(QTcpSocket* socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        return;
    }
    const QByteArray data = socket->readAll();
    deliver(it->second, data.constData(), data.size());
}

void TcpListenSource::closeConnection(QTcpSocket* socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        return;
    }
    endStream(it->second);
    m_connections.erase(it);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

} // namespace wake::live
