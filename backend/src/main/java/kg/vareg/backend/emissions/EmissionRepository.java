package kg.vareg.backend.emissions;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface EmissionRepository extends JpaRepository<Emission, UUID>, JpaSpecificationExecutor<Emission> {
}
