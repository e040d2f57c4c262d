from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "foidesk.decisions"
    verbose_name = "Decisions and responses"

    def ready(self) -> None:
        from foidesk.cases.services import register_transition_effect, register_transition_guard
        from foidesk.cases.states import RequestState

        from .services import responded_guard, response_take_back

        register_transition_guard(RequestState.RESPONDED, responded_guard)
        register_transition_effect(
            RequestState.AWAITING_APPROVAL, RequestState.DRAFTING, response_take_back
        )
