package org.onesheet.config;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;

/**
 * Creates HAPI's ~56 Spring Data repositories on first use instead of at start-up: building them parses
 * every {@code @Query} and took about five of our start-up seconds. HAPI pins Spring Data's bootstrap mode
 * to DEFAULT, so this does by hand what {@code BootstrapMode.LAZY} would: repository beans are lazy, and
 * every injection point of a repository interface receives a proxy that creates the repository when first
 * called.
 */
class LazyRepositories implements BeanFactoryPostProcessor {

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		for (String name : beanFactory.getBeanDefinitionNames()) {
			var definition = beanFactory.getBeanDefinition(name);
			if (isRepositoryFactory(definition.getBeanClassName())) {
				definition.setLazyInit(true);
			}
		}
		if (beanFactory instanceof DefaultListableBeanFactory listable) {
			listable.setAutowireCandidateResolver(new RepositoryProxyingResolver());
		}
	}

	private static boolean isRepositoryFactory(String className) {
		if (className == null) {
			return false;
		}
		try {
			return RepositoryFactoryBeanSupport.class.isAssignableFrom(
					Class.forName(className, false, LazyRepositories.class.getClassLoader()));
		} catch (ClassNotFoundException e) {
			return false;
		}
	}

	private static final class RepositoryProxyingResolver extends ContextAnnotationAutowireCandidateResolver {
		@Override
		protected boolean isLazy(DependencyDescriptor descriptor) {
			Class<?> type = descriptor.getDependencyType();
			return (type.isInterface() && Repository.class.isAssignableFrom(type)) || super.isLazy(descriptor);
		}
	}
}
