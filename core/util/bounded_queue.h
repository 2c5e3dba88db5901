#pragma once

// A queue between one producer thread and one consumer thread that holds at
// most `capacity` items: the producer waits when it is full, so a pipeline
// stays in bounded memory however large its input. The consumer can stop it;
// the producer's next push then returns false and it should finish.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace wake {

template <typename T>
class BoundedQueue
{
public:
    explicit BoundedQueue(std::size_t capacity) : m_capacity(capacity) {}

    // Blocks while the queue is full; false when the consumer has stopped.
    bool push(T item)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_items.size() < m_capacity || m_stopped; });
        if (m_stopped) {
            return false;
        }
        m_items.push_back(std::move(item));
        m_notEmpty.notify_one();
        return true;
    }

    // Blocks until an item is there.
    T pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return !m_items.empty(); });
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.notify_one();
        return item;
    }

    // The consumer gives up: the producer's next push returns false.
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_notFull.notify_all();
    }

private:
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_notFull;
    std::condition_variable m_notEmpty;
    std::deque<T> m_items;
    bool m_stopped = false;
};

} // namespace wake
