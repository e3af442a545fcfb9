package dev.fraudscore.postprocess.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Names validation paths by the file's keys, not the Java names: {@code thresholds.default}, whose record
 * component cannot be called {@code default}.
 */
final class YamlNames implements PropertyNodeNameProvider {

    @Override
    public String getName(Property property) {
        if (property instanceof JavaBeanProperty bean) {
            try {
                JsonProperty key = bean.getDeclaringClass().getDeclaredField(property.getName())
                        .getAnnotation(JsonProperty.class);
                if (key != null) {
                    return key.value();
                }
            } catch (NoSuchFieldException notAField) {
                // a getter without a field of its name keeps its Java name
            }
        }
        return property.getName();
    }
}
