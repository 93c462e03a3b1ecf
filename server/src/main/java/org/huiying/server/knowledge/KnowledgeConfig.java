package org.huiying.server.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.analysis.SynonymDictionary;
import org.huiying.kb.elasticsearch.ElasticsearchKnowledgeBase;
import org.huiying.kb.lucene.LuceneKnowledgeBase;
import org.huiying.kb.semantic.SemanticModel;
import org.huiying.server.runtime.HuiyingProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Builds the analysis chain and the configured backend; the index lives under {@code <data dir>/kb}. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfig {

    @Bean
    DictionaryFile dictionaryFile(HuiyingProperties huiying) {
        Path file = huiying.dataDir().resolve("kb").resolve("synonyms.txt");
        if (Files.notExists(file)) {
            // The admin edits a copy of the shipped dictionary in the data dir.
            try (InputStream in = SynonymDictionary.class.getResourceAsStream(SynonymDictionary.DEFAULT_RESOURCE)) {
                Files.createDirectories(file.getParent());
                Files.copy(in, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DictionaryFile(file);
    }

    @Bean
    ChineseAnalysis chineseAnalysis(DictionaryFile dictionary) {
        return new ChineseAnalysis(dictionary.read());
    }

    /** The embedding model, loaded once per JVM; none when switched off or when it cannot load here. */
    @Bean
    SemanticModel semanticModel(KnowledgeProperties kb) {
        return kb.semantic() ? SharedModel.INSTANCE : SemanticModel.none("switched off (huiying.kb.semantic=false)");
    }

    /** ONNX Runtime and the model weigh ~100 MB: every server in one JVM (tests, the cluster demo) shares one. */
    private static final class SharedModel {
        static final SemanticModel INSTANCE = SemanticModel.loadDefault();
    }

    @Bean(destroyMethod = "close")
    KnowledgeBase knowledgeBase(KnowledgeProperties kb, HuiyingProperties huiying, ChineseAnalysis analysis,
            SemanticModel semantic, Environment environment) {
        if (kb.backend() == KnowledgeProperties.Backend.ELASTICSEARCH) {
            List<String> uris = Binder.get(environment).bind("spring.elasticsearch.uris", Bindable.listOf(String.class))
                    .orElse(List.of("http://localhost:9200"));
            return ElasticsearchKnowledgeBase.connect(uris, kb.index(), analysis, semantic);
        }
        return LuceneKnowledgeBase.open(huiying.dataDir().resolve("kb").resolve("index"), analysis, semantic);
    }
}
