package org.huiying.kb.elasticsearch;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.List;
import org.huiying.kb.SearchRequest;
import org.huiying.kb.search.ArticleFields;
import org.huiying.kb.search.SearchPlan;

/** The plan's clauses as Elasticsearch queries, one to one with the Lucene translation. */
final class ElasticsearchQueries {

    private ElasticsearchQueries() {
    }

    static Query toQuery(SearchPlan plan, SearchRequest request) {
        List<Query> should = new ArrayList<>();
        for (SearchPlan.Clause clause : plan.clauses()) {
            should.add(clause(clause));
        }
        List<Query> filters = filters(request);
        Query scoring = Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
        return Query.of(q -> q.bool(b -> b.must(scoring).filter(filters)));
    }

    /** The request's filters on the article's own fields (a kNN search applies them to the articles). */
    static List<Query> filters(SearchRequest request) {
        List<Query> filters = new ArrayList<>();
        filters.add(term(ArticleFields.STATUS, request.status().name()));
        if (request.category() != null) {
            filters.add(term(ArticleFields.CATEGORY, request.category()));
        }
        if (request.vehicleModel() != null) {
            filters.add(Query.of(q -> q.bool(b -> b.should(term(ArticleFields.MODEL, request.vehicleModel()))
                    .should(term(ArticleFields.MODEL, ArticleFields.ALL_MODELS)))));
        }
        return filters;
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query clause(SearchPlan.Clause clause) {
        if (clause instanceof SearchPlan.TermClause t) {
            return Query.of(q -> q.term(x -> x.field(t.field()).value(t.term()).boost(t.boost())));
        }
        SearchPlan.PhraseClause p = (SearchPlan.PhraseClause) clause;
        return Query.of(q -> q.matchPhrase(m -> m.field(p.field()).query(String.join(" ", p.terms()))
                .analyzer("whitespace").slop(p.slop()).boost(p.boost())));
    }
}
