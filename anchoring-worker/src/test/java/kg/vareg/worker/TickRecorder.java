package kg.vareg.worker;

import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Records, per worker instance, when each tick's leader section started and ended (issue 15 item 13): every
 * {@link LockingTaskExecutor} of the context is wrapped so the section run under the lock is timed with the JVM's
 * monotonic clock (all instances of a test share the JVM). Overlapping sections of two instances would be two leaders.
 */
final class TickRecorder {
    record Section(String instance, long startNanos, long endNanos) {
        boolean overlaps(Section o) {
            return startNanos < o.endNanos && o.startNanos < endNanos;
        }
    }

    private final List<Section> sections = new ArrayList<>();

    synchronized List<Section> sections() {
        return List.copyOf(sections);
    }

    private synchronized void add(Section s) {
        sections.add(s);
    }

    /** An initializer for one instance's context. */
    ApplicationContextInitializer<ConfigurableApplicationContext> instance(String name) {
        return ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof LockingTaskExecutor locks)) return bean;
                return new LockingTaskExecutor() {
                    @Override
                    public void executeWithLock(Runnable task, net.javacrumbs.shedlock.core.LockConfiguration config) {
                        locks.executeWithLock((Runnable) () -> timed(name, task), config);
                    }

                    @Override
                    public void executeWithLock(Task task, net.javacrumbs.shedlock.core.LockConfiguration config)
                            throws Throwable {
                        locks.executeWithLock((Task) () -> timed(name, () -> {
                            try {
                                task.call();
                            } catch (Throwable t) {
                                throw new IllegalStateException(t);
                            }
                        }), config);
                    }

                    @Override
                    public <T> TaskResult<T> executeWithLock(TaskWithResult<T> task,
                            net.javacrumbs.shedlock.core.LockConfiguration config) throws Throwable {
                        return locks.executeWithLock((TaskWithResult<T>) () -> {
                            long start = System.nanoTime();
                            try {
                                return task.call();
                            } finally {
                                add(new Section(name, start, System.nanoTime()));
                            }
                        }, config);
                    }
                };
            }
        });
    }

    private void timed(String name, Runnable task) {
        long start = System.nanoTime();
        try {
            task.run();
        } finally {
            add(new Section(name, start, System.nanoTime()));
        }
    }
}
