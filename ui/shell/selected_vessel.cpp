#include "ui/shell/selected_vessel.h"

#include "ui/shell/selection_reader.h"
#include "ui/shell/session.h"

#include <QMetaObject>
#include <QPointer>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace wake::ui {

// One thread and one read connection; only the latest request is read (a
// user running down the list asks many times a second).
class SelectionWorker
{
public:
    using Done =
        std::function<void(qint64, std::shared_ptr<const VesselSelection>, const QString&)>;

    SelectionWorker(const reference::PortIndex* ports, Done done)
        : m_ports(ports), m_done(std::move(done)), m_thread([this] { run(); })
    {}
    ~SelectionWorker()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }
    void request(qint64 generation, model::VesselId id, QString target)
    {
        {
            std::lock_guard lock(m_mutex);
            m_next = Request{generation, id, std::move(target)};
        }
        m_wake.notify_one();
    }

private:
    struct Request
    {
        qint64 generation = 0;
        model::VesselId id = 0;
        QString target;
    };

    void run()
    {
        std::optional<store::Database> db;
        QString openTarget;
        for (;;) {
            Request r;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [&] { return m_stop || m_next.has_value(); });
                if (m_stop) {
                    return;
                }
                r = std::move(*m_next);
                m_next.reset();
            }
            if (!db || openTarget != r.target) {
                db.reset();
                auto opened = store::Database::open(r.target);
                if (!opened) {
                    m_done(r.generation, nullptr, opened.error().toString());
                    continue;
                }
                db.emplace(std::move(opened).value());
                openTarget = r.target;
            }
            auto read = readSelection(*db, r.id, m_ports);
            if (!read) {
                m_done(r.generation, nullptr, read.error().toString());
            } else if (!read->has_value()) {
                m_done(r.generation, nullptr, QString());
            } else {
                m_done(r.generation, std::make_shared<const VesselSelection>(std::move(**read)),
                       QString());
            }
        }
    }

    const reference::PortIndex* m_ports;
    Done m_done;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Request> m_next;
    bool m_stop = false;
    std::thread m_thread; // last: started once everything above exists
};

SelectedVessel::SelectedVessel(Session& session, QObject* parent)
    : QObject(parent), m_session(session)
{
    QPointer<SelectedVessel> self(this);
    m_worker = std::make_unique<SelectionWorker>(
        session.ports(),
        [self](qint64 generation, std::shared_ptr<const VesselSelection> s, const QString& error) {
            // Back on the GUI thread; dropped when the selection is gone.
            QMetaObject::invokeMethod(
                self.data(),
                [self, generation, s = std::move(s), error] {
                    if (self) {
                        self->onRead(generation, s, error);
                    }
                },
                Qt::QueuedConnection);
        });
    // Another database: nothing of the old one stays on screen.
    connect(&session, &Session::databaseChanged, this, [this] { select(std::nullopt); });
    // New data for the selected vessel: read it again (panels keep their
    // place: the same vessel, shown anew).
    connect(&session, &Session::storeChanged, this, [this](const QList<qint64>& vessels) {
        if (m_id && (vessels.isEmpty() || vessels.contains(*m_id))) {
            reload();
        }
    });
}

SelectedVessel::~SelectedVessel() = default;

void SelectedVessel::select(std::optional<model::VesselId> id, bool keepTimeAndView)
{
    m_id = id;
    m_keepTimeAndView = keepTimeAndView;
    Q_EMIT choosing(id ? std::optional<qint64>(*id) : std::nullopt);
    request();
}

void SelectedVessel::reload()
{
    request();
}

void SelectedVessel::request()
{
    const qint64 generation = ++m_pendingGeneration;
    if (!m_id) {
        m_doneGeneration = generation;
        m_current.reset();
        Q_EMIT cleared();
        return;
    }
    m_worker->request(generation, *m_id, m_session.db().target());
}

void SelectedVessel::onRead(qint64 generation, std::shared_ptr<const VesselSelection> selection,
                            const QString& error)
{
    if (generation != m_pendingGeneration) {
        return; // the user has chosen again since
    }
    m_doneGeneration = generation;
    if (!error.isEmpty()) {
        m_current.reset();
        Q_EMIT cleared();
        Q_EMIT readFailed(error);
        return;
    }
    m_current = std::move(selection);
    if (!m_current) {
        Q_EMIT cleared(); // no such vessel in this store
        return;
    }
    Q_EMIT vesselChanged(m_current);
}

} // namespace wake::ui
