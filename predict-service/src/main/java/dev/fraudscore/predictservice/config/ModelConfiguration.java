package dev.fraudscore.predictservice.config;

import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.domain.ModelSlot;
import dev.fraudscore.predictservice.domain.Predictor;
import dev.fraudscore.predictservice.domain.RequestValidator;
import dev.fraudscore.predictservice.model.LoadExecutor;
import dev.fraudscore.predictservice.model.ModelLoader;
import dev.fraudscore.predictservice.model.ModelOpener;
import dev.fraudscore.predictservice.model.Warmup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java model code: the slot, the loader that fills it, and the predictor that reads it. */
@Configuration(proxyBeanMethods = false)
public class ModelConfiguration {

    @Bean
    ModelSlot modelSlot() {
        return new ModelSlot();
    }

    @Bean
    Predictor predictor(ModelSlot slot, PredictProperties properties) {
        return new Predictor(slot, new RequestValidator(properties.maxRowsPerRequest()));
    }

    @Bean
    LoadExecutor modelLoadExecutor() {
        return LoadExecutor.backgroundThread();
    }

    @Bean
    ModelLoadingLifecycle modelLoading(PredictProperties properties, ModelSlot slot, LoadExecutor modelLoadExecutor) {
        PredictProperties.Warmup warmup = properties.warmup();
        ModelLoader loader = new ModelLoader(new ModelRepository(properties.modelRepository()), properties.modelName(),
                ModelOpener.djl(), new Warmup(warmup.batchSizes(), warmup.rounds(), properties.maxRowsPerRequest()), slot);
        return new ModelLoadingLifecycle(loader, modelLoadExecutor, slot);
    }
}
