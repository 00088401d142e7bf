package cn.jxquality.complaint.page;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the page resources: their requests that change something must carry the form token ({@link CsrfGuard}), and
 * a problem they answer with becomes an error page ({@link PageProblems}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FormPage {}
