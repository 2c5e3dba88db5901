#include "core/live/serial_source.h"

namespace wake::live {

SerialSource::SerialSource(const QString& name, const SourceUrl& url, const SourceTiming& timing)
    : LiveSource(name, url, timing)
{
    connect(&m_port, &QSerialPort::readyRead, this, &SerialSource::onReadyRead);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialSource::onError);
}

void SerialSource::open()
{
    m_port.setPortName(url().path);
    m_port.setBaudRate(url().baud);
    m_port.setDataBits(QSerialPort::Data8);
    m_port.setParity(QSerialPort::NoParity);
    m_port.setStopBits(QSerialPort::OneStop);
    m_port.setFlowControl(QSerialPort::NoFlowControl);
    if (!m_port.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("cannot open %1: %2").arg(url().path, m_port.errorString()));
        return;
    }
    setOpen();
}

void SerialSource::close()
{
    if (m_port.isOpen()) {
        const QByteArray rest = m_port.readAll();
        deliver(m_splitter, rest.constData(), rest.size());
        endStream(m_splitter);
        m_port.close();
    }
}

void SerialSource::onReadyRead()
{
    const QByteArray data = m_port.readAll();
    deliver(m_splitter, data.constData(), data.size());
}

void SerialSource::onError(QSerialPort::SerialPortError error)
{
    if (error == QSerialPort::NoError || !m_port.isOpen()) {
        return;
    }
    if (error == QSerialPort::ResourceError) { // unplugged
        fail(QStringLiteral("%1 went away: %2").arg(url().path, m_port.errorString()));
    } else {
        noteError(QStringLiteral("%1: %2").arg(url().path, m_port.errorString()));
        m_port.clearError();
    }
}

} // namespace wake::live
